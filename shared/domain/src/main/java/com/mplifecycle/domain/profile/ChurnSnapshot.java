package com.mplifecycle.domain.profile;

import java.time.Instant;
import java.util.Objects;

/**
 * A buyer's BG/NBD values as of the app's last scheduled run, for apps with a fitted model: the
 * probability of being alive and the purchases expected in the next 30 days, to {@value #DECIMALS}
 * decimals (what readers are shown; more would only be noise of the fit). Derived on read by
 * {@link CustomerScores}, never stored.
 */
public record ChurnSnapshot(double pAlive, double expectedPurchases30d, Instant computedAt) {
    public static final int DECIMALS = 4;
    private static final double SCALE = Math.pow(10, DECIMALS);

    public ChurnSnapshot {
        if (!(pAlive >= 0 && pAlive <= 1)) {
            throw new IllegalArgumentException("pAlive must be within 0..1: " + pAlive);
        }
        if (!(expectedPurchases30d >= 0) || Double.isInfinite(expectedPurchases30d)) {
            throw new IllegalArgumentException("expectedPurchases30d must be >= 0 and finite: " + expectedPurchases30d);
        }
        Objects.requireNonNull(computedAt, "computedAt");
    }

    /** The snapshot of model outputs, rounded to {@value #DECIMALS} decimals. */
    public static ChurnSnapshot rounded(double pAlive, double expectedPurchases30d, Instant computedAt) {
        return new ChurnSnapshot(round(pAlive), round(Math.max(0, expectedPurchases30d)), computedAt);
    }

    private static double round(double value) {
        return Math.round(value * SCALE) / SCALE;
    }
}
