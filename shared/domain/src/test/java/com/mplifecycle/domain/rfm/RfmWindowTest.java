package com.mplifecycle.domain.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RfmWindowTest {

    private static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);
    private static final RfmWindow WINDOW = RfmWindow.endingOn(AS_OF);

    @ParameterizedTest(name = "{0} in window: {1}")
    @CsvSource({
        "2024-06-30, true",   // the as-of day itself
        "2024-07-01, false",  // after as-of: ignored
        "2023-07-02, true",   // as-of minus 364 days: first day of the 365
        "2023-07-01, false",  // as-of minus 365 days: just outside
    })
    void contains_edges_followHalfOpenWindow(LocalDate date, boolean expected) {
        assertEquals(expected, WINDOW.contains(date));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // case,                         amount, refunded, F, M
        "no refund,                      10000,  0,        2, 15000",
        "partial refund nets out,        10000,  4000,     2, 11000",
        "full refund drops the order,    10000,  10000,    1, 5000",
        "over-refund never goes below 0, 10000,  12000,    1, 5000",
    })
    void values_refunds_netAmountAndDropFullyRefunded(String name, long amount, long refunded,
            int frequency, long monetary) {
        List<Order> orders = List.of(
                new Order(LocalDate.of(2024, 6, 20), amount, refunded),
                Order.of(LocalDate.of(2024, 5, 1), 5000));

        RfmValues values = WINDOW.values(orders).orElseThrow();

        assertEquals(frequency, values.frequency());
        assertEquals(monetary, values.monetaryFen());
    }

    @Test
    void values_fullyRefundedLastOrder_takesRecencyFromLastPaidOrder() {
        List<Order> orders = List.of(
                new Order(LocalDate.of(2024, 6, 29), 3000, 3000),
                Order.of(LocalDate.of(2024, 6, 10), 2000));

        assertEquals(new RfmValues(20, 1, 2000), WINDOW.values(orders).orElseThrow());
    }

    @Test
    void values_ordersAroundWindow_countOnlyThoseInside() {
        List<Order> orders = List.of(
                Order.of(LocalDate.of(2023, 7, 1), 100),
                Order.of(LocalDate.of(2023, 7, 2), 200),
                Order.of(LocalDate.of(2024, 6, 30), 400),
                Order.of(LocalDate.of(2024, 7, 1), 800));

        assertEquals(new RfmValues(0, 2, 600), WINDOW.values(orders).orElseThrow());
    }

    @Test
    void values_onlyOldOrRefundedOrders_isEmpty() {
        List<Order> orders = List.of(
                Order.of(LocalDate.of(2023, 1, 1), 100),
                new Order(LocalDate.of(2024, 6, 1), 500, 500));

        assertEquals(Optional.empty(), WINDOW.values(orders));
    }

    @Test
    void values_noOrders_isEmpty() {
        assertTrue(WINDOW.values(List.of()).isEmpty());
    }
}
