package com.mplifecycle.domain.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RfmSegmentTest {

    @ParameterizedTest(name = "R {0} F {1} M {2} -> {3}")
    @CsvSource({
        "true,  true,  true,  IMPORTANT_VALUE",
        "true,  false, true,  IMPORTANT_DEVELOP",
        "false, true,  true,  IMPORTANT_RETAIN",
        "false, false, true,  IMPORTANT_WINBACK",
        "true,  true,  false, GENERAL_VALUE",
        "true,  false, false, GENERAL_DEVELOP",
        "false, true,  false, GENERAL_RETAIN",
        "false, false, false, GENERAL_WINBACK",
    })
    void of_highLowFlags_giveTheEightCells(boolean r, boolean f, boolean m, RfmSegment expected) {
        assertEquals(expected, RfmSegment.of(r, f, m));
    }
}
