package com.mplifecycle.domain.profile;

import java.time.Instant;
import java.util.Objects;

/**
 * A buyer's BG/NBD scores as of the last scheduled run, for apps with a fitted model: the
 * probability of being alive and the purchases expected in the next 30 days. Both are kept to
 * {@value #DECIMALS} decimals so that refits differing in the last bits do not rewrite profiles,
 * and a stored snapshot counts as the same scores while a refit moves neither value by
 * {@value #TOLERANCE} or more: a refit that shifts every buyer's P(alive) in the third decimal
 * (one more day of purchases in the app) must not rewrite every buyer's profile.
 */
public record ChurnSnapshot(double pAlive, double expectedPurchases30d, Instant computedAt) {
    public static final int DECIMALS = 4;
    /** Largest change of either value that is not a change of scores. */
    public static final double TOLERANCE = 0.005;
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

    /** Both values within {@value #TOLERANCE} of the other's; {@code computedAt} is ignored. */
    public boolean sameScores(ChurnSnapshot other) {
        return other != null && Math.abs(pAlive - other.pAlive) < TOLERANCE
                && Math.abs(expectedPurchases30d - other.expectedPurchases30d) < TOLERANCE;
    }

    private static double round(double value) {
        return Math.round(value * SCALE) / SCALE;
    }
}
