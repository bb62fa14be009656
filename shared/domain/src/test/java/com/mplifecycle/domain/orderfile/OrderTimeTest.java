package com.mplifecycle.domain.orderfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrderTimeTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @ParameterizedTest
    @CsvSource({
        "2011-12-09, 2011-12-08T16:00:00Z",
        "2011/12/9, 2011-12-08T16:00:00Z",
        "20111209, 2011-12-08T16:00:00Z",
        "2011-12-09 12:50, 2011-12-09T04:50:00Z",
        "2011-12-09T12:50:07.5, 2011-12-09T04:50:07.500Z",
        "2011-12-09T04:50:00Z, 2011-12-09T04:50:00Z",
        "2011-12-09T12:50:00+08:00, 2011-12-09T04:50:00Z",
        "2011-12-09 06:50:00-02:00, 2011-12-09T08:50:00Z",
        "1323406200, 2011-12-09T04:50:00Z",
        "1323406200000, 2011-12-09T04:50:00Z",
    })
    void parse_acceptedFormats_giveTheInstantInTheAppZone(String text, String expected) {
        assertEquals(Instant.parse(expected), OrderTime.parse(text, SHANGHAI));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2011-13-01", "2011-02-30", "12/09/2011", "123456", "2011-12-09 25:00"})
    void parse_unreadable_namesTheValueAndTheFormats(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OrderTime.parse(text, SHANGHAI));

        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(OrderTime.FORMATS), e.getMessage());
    }
}
