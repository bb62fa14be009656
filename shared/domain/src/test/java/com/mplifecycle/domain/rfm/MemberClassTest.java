package com.mplifecycle.domain.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MemberClassTest {

    @ParameterizedTest(name = "{0} days -> {1}")
    @CsvSource({
        "0,    HONEYMOON",
        "90,   HONEYMOON",
        "91,   ACTIVE",
        "180,  ACTIVE",
        "181,  LAPSING",
        "365,  LAPSING",
        "366,  DORMANT",
        "1000, DORMANT",
    })
    void ofRecencyDays_boundaries_useDayCounts(long days, MemberClass expected) {
        assertEquals(expected, MemberClass.ofRecencyDays(days));
    }
}
