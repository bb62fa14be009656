package com.mplifecycle.domain.churn;

/**
 * Fitted BG/NBD parameters: purchase rates are gamma(r, alpha) across customers, the chance
 * of dropping out after each purchase is beta(a, b). {@code alpha} is in the time unit of the
 * summaries it was fitted on.
 *
 * @param logLikelihood the log-likelihood of the fitting data at these parameters
 */
public record BgNbdParameters(double r, double alpha, double a, double b, double logLikelihood) {

    public BgNbdParameters {
        requirePositive(r, "r");
        requirePositive(alpha, "alpha");
        requirePositive(a, "a");
        requirePositive(b, "b");
        if (!Double.isFinite(logLikelihood)) {
            throw new IllegalArgumentException("logLikelihood must be finite: " + logLikelihood);
        }
    }

    private static void requirePositive(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite: " + value);
        }
    }
}
