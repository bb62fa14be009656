package com.mplifecycle.domain.rfm;

/**
 * Log-spaced bins for monetary values so that the M histogram stays small whatever the
 * number of customers: bin 0 holds 0 fen, bin {@code k >= 1} holds amounts {@code m} with
 * {@code floor(ln m / ln 1.01) = k - 1}, i.e. amounts within 1 % of each other. Below 100 fen
 * every amount has a bin of its own. 10^15 fen lands near bin 3,500.
 *
 * <p>Stored {@link RfmStatisticsSnapshot}s hold bin numbers, so this mapping must not change
 * without migrating them. {@link StrictMath} keeps it identical on every JVM.
 */
final class MonetaryBin {

    private static final double LOG_RATIO = StrictMath.log(1.01);

    private MonetaryBin() {
    }

    static int of(long monetaryFen) {
        if (monetaryFen < 0) {
            throw new IllegalArgumentException("monetaryFen must be >= 0: " + monetaryFen);
        }
        if (monetaryFen == 0) {
            return 0;
        }
        return 1 + (int) Math.floor(StrictMath.log(monetaryFen) / LOG_RATIO);
    }
}
