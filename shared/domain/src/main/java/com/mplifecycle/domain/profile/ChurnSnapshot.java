package com.mplifecycle.domain.profile;

import java.time.Instant;
import java.util.Objects;

/**
 * A buyer's BG/NBD scores as of the last scheduled run, for apps with a fitted model: the
 * probability of being alive and the purchases expected in the next 30 days. Both are kept to
 * {@value #DECIMALS} decimals so that refits differing in the last bits do not rewrite profiles.
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

    /** Equal in everything but {@code computedAt}. */
    public boolean sameScores(ChurnSnapshot other) {
        return other != null && Double.compare(pAlive, other.pAlive) == 0
                && Double.compare(expectedPurchases30d, other.expectedPurchases30d) == 0;
    }

    private static double round(double value) {
        return Math.round(value * SCALE) / SCALE;
    }
}
