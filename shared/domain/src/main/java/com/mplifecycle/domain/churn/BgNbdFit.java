package com.mplifecycle.domain.churn;

import java.util.Collection;

/**
 * Maximum-likelihood estimation of BG/NBD parameters: Nelder–Mead on the logarithms of
 * (r, alpha, a, b), which keeps every parameter positive without constraints. Several fixed
 * starting points guard against a local optimum; the best is then restarted until it stops
 * improving, which also guards against the simplex collapsing early. Fully deterministic.
 */
final class BgNbdFit {

    /** Log-parameters beyond this are numerically meaningless (e^30 ~ 10^13). */
    private static final double LOG_BOUND = 30;
    private static final double TOLERANCE = 1e-12;
    private static final int MAX_EVALUATIONS = 20_000;
    private static final int MAX_POLISH_ROUNDS = 10;
    /** Starting (r, alpha / mean T, a, b): alpha scales with the time unit, the rest do not. */
    private static final double[][] STARTS = {
        {1.0, 1.0, 1.0, 1.0},
        {0.5, 0.2, 0.5, 3.0},
        {2.0, 2.0, 2.0, 0.5},
        {0.2, 0.05, 0.2, 0.2},
    };

    private BgNbdFit() {
    }

    static BgNbdParameters fit(Collection<RepeatSummary> summaries) {
        if (summaries.stream().noneMatch(RepeatSummary::isRepeatBuyer)) {
            throw new IllegalArgumentException("cannot fit BG/NBD without repeat buyers");
        }
        BgNbdLikelihood likelihood = BgNbdLikelihood.of(summaries);
        double meanT = summaries.stream().mapToDouble(RepeatSummary::T).average().orElse(1);
        double alphaScale = meanT > 0 ? meanT : 1;
        NelderMead.Minimum best = null;
        for (double[] start : STARTS) {
            double[] logStart = {
                Math.log(start[0]), Math.log(start[1] * alphaScale), Math.log(start[2]), Math.log(start[3]),
            };
            NelderMead.Minimum candidate = minimize(likelihood, logStart, 0.5);
            if (best == null || candidate.value() < best.value()) {
                best = candidate;
            }
        }
        for (int round = 0; round < MAX_POLISH_ROUNDS; round++) {
            NelderMead.Minimum polished = minimize(likelihood, best.point(), 0.05);
            boolean improved = polished.value() < best.value() - TOLERANCE * Math.abs(best.value());
            if (polished.value() < best.value()) {
                best = polished;
            }
            if (!improved) {
                break;
            }
        }
        double[] p = best.point();
        return new BgNbdParameters(Math.exp(p[0]), Math.exp(p[1]), Math.exp(p[2]), Math.exp(p[3]),
                -best.value());
    }

    private static NelderMead.Minimum minimize(BgNbdLikelihood likelihood, double[] start, double step) {
        return NelderMead.minimize(point -> negativeLogLikelihood(likelihood, point),
                start, step, TOLERANCE, MAX_EVALUATIONS);
    }

    private static double negativeLogLikelihood(BgNbdLikelihood likelihood, double[] logParameters) {
        for (double value : logParameters) {
            if (Math.abs(value) > LOG_BOUND) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return -likelihood.logLikelihood(Math.exp(logParameters[0]), Math.exp(logParameters[1]),
                Math.exp(logParameters[2]), Math.exp(logParameters[3]));
    }
}
