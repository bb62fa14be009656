package com.mplifecycle.domain.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogGammaTest {

    @ParameterizedTest
    @CsvSource({
        "1,    0",
        "2,    0",
        "5,    3.1780538303479458",      // ln 24
        "0.5,  0.5723649429247001",      // ln sqrt(pi)
        "0.1,  2.252712651734206",
        "0.001, 6.907178885383853",
        "100,  359.1342053695754",
    })
    void of_knownValues_matchToRelativePrecision(double x, double expected) {
        assertEquals(expected, LogGamma.of(x), 1e-13 * Math.max(1, Math.abs(expected)));
    }

    @Test
    void of_recurrence_holdsForNonIntegers() {
        double x = 3.7;
        assertEquals(LogGamma.of(x) + Math.log(x), LogGamma.of(x + 1), 1e-13);
    }

    @Test
    void of_zero_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> LogGamma.of(0));
    }
}
