package com.mplifecycle.domain.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GaussHypergeometricTest {

    @Test
    void of_zeroArgument_isOne() {
        assertEquals(1.0, GaussHypergeometric.of(2.3, 1.7, 4.1, 0), 0.0);
    }

    @Test
    void of_logSeries_matchesClosedForm() {
        // 2F1(1, 1; 2; z) = -ln(1 - z) / z
        double z = 0.6;
        assertEquals(-Math.log(1 - z) / z, GaussHypergeometric.of(1, 1, 2, z), 1e-13);
    }

    @Test
    void of_binomialSeries_matchesClosedForm() {
        // 2F1(a, b; b; z) = (1 - z)^-a
        double z = 0.45;
        assertEquals(Math.pow(1 - z, -2.243), GaussHypergeometric.of(2.243, 3.5, 3.5, z), 1e-12);
    }

    @Test
    void of_argumentOne_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> GaussHypergeometric.of(1, 1, 2, 1));
    }
}
