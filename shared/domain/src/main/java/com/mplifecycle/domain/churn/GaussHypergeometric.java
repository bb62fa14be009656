package com.mplifecycle.domain.churn;

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) by its power series, for 0 <= z < 1.
 * In the BG/NBD conditional expectation z = t / (alpha + T + t), well below 1 for forecast
 * horizons shorter than the customer's history, where the series converges quickly.
 */
final class GaussHypergeometric {

    private static final int MAX_TERMS = 1_000_000;
    private static final double RELATIVE_TOLERANCE = 1e-15;

    private GaussHypergeometric() {
    }

    static double of(double a, double b, double c, double z) {
        if (!(z >= 0 && z < 1)) {
            throw new IllegalArgumentException("z must be in [0, 1): " + z);
        }
        double term = 1.0;
        double sum = 1.0;
        for (int k = 0; k < MAX_TERMS; k++) {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            sum += term;
            if (Math.abs(term) <= RELATIVE_TOLERANCE * Math.abs(sum)) {
                return sum;
            }
        }
        throw new ArithmeticException("2F1 series did not converge: a=" + a + " b=" + b
                + " c=" + c + " z=" + z);
    }
}
