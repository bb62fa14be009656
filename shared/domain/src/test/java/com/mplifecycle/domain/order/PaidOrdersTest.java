package com.mplifecycle.domain.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaidOrdersTest {
    @ParameterizedTest(name = "{0} fen, {1} refunded: {2}")
    @CsvSource({
            "9900, 0, true",
            "9900, 1000, true",
            "9900, 9900, false",
            "9900, 12000, false",
            "0, 0, true",
    })
    void counts_byAmountAndRefunds(long amountFen, long refundedFen, boolean counts) {
        assertEquals(counts, PaidOrders.counts(amountFen, refundedFen));
    }
}
