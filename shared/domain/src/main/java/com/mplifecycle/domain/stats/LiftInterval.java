package com.mplifecycle.domain.stats;

import java.util.Optional;

/**
 * The 95 % confidence interval of a lift (a variant's conversion rate minus the holdout's), by
 * Newcombe's hybrid score method (Newcombe 1998, method 10): each rate gets its Wilson score
 * interval and the two are combined by the square-root rule. Unlike the textbook Wald interval
 * it stays inside [-1, 1] and keeps its coverage with few conversions or small holdouts, which
 * is what campaigns mostly have. The lift is significant when the interval excludes 0.
 */
public record LiftInterval(double lift, double low, double high) {
    /** The normal quantile of a two-sided 95 % interval. */
    static final double Z = 1.959963984540054;

    public boolean significant() {
        return low > 0 || high < 0;
    }

    /** The interval of {@code x1/n1 - x2/n2}; empty when either group has nobody exposed. */
    public static Optional<LiftInterval> of(long x1, long n1, long x2, long n2) {
        if (n1 <= 0 || n2 <= 0 || x1 < 0 || x2 < 0 || x1 > n1 || x2 > n2) {
            return Optional.empty();
        }
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double[] w1 = wilson(x1, n1);
        double[] w2 = wilson(x2, n2);
        double d = p1 - p2;
        double low = d - Math.sqrt(square(p1 - w1[0]) + square(w2[1] - p2));
        double high = d + Math.sqrt(square(w1[1] - p1) + square(p2 - w2[0]));
        return Optional.of(new LiftInterval(d, low, high));
    }

    /** The interval of a variant's lift over the campaign's holdout; empty for the holdout or without one. */
    public static Optional<LiftInterval> of(CampaignOutcomes outcomes, VariantOutcome variant) {
        if (variant.holdout()) {
            return Optional.empty();
        }
        return outcomes.holdout().flatMap(h -> of(variant.conversions(), variant.sent(), h.conversions(), h.decided()));
    }

    /** Wilson's score interval of x successes in n trials: {low, high}. */
    static double[] wilson(long x, long n) {
        double p = (double) x / n;
        double z2 = Z * Z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    private static double square(double v) {
        return v * v;
    }
}
