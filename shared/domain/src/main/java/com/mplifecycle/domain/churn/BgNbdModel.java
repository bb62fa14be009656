package com.mplifecycle.domain.churn;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * The BG/NBD repeat-purchase model (Fader, Hardie and Lee 2005, "Counting Your Customers the
 * Easy Way", Marketing Science 24(2)): while alive a customer buys at a Poisson rate, and after
 * each purchase drops out with some probability; both vary across customers. Time is in the
 * unit of the summaries it was fitted on. Immutable and thread-safe.
 *
 * <p>A fit needs enough data to mean anything: at least {@value #MIN_BUYERS_TO_FIT} buyers, of
 * whom at least {@value #MIN_REPEAT_BUYERS_TO_FIT} bought again. Below that
 * {@link #fit(RepeatSummarySample)} gives no model and callers fall back to fixed inactivity
 * thresholds.
 */
public final class BgNbdModel {

    public static final int MIN_BUYERS_TO_FIT = 200;
    public static final int MIN_REPEAT_BUYERS_TO_FIT = 20;

    private final BgNbdParameters parameters;

    private BgNbdModel(BgNbdParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    public static BgNbdModel of(BgNbdParameters parameters) {
        return new BgNbdModel(parameters);
    }

    /** Fits the sample, or empty when it has too few buyers or repeat buyers. */
    public static Optional<BgNbdModel> fit(RepeatSummarySample sample) {
        if (sample.buyers() < MIN_BUYERS_TO_FIT || sample.repeatBuyers() < MIN_REPEAT_BUYERS_TO_FIT) {
            return Optional.empty();
        }
        return Optional.of(fit(sample.summaries()));
    }

    /** Maximum-likelihood fit on all given summaries, with no minimum size. */
    public static BgNbdModel fit(Collection<RepeatSummary> summaries) {
        return new BgNbdModel(BgNbdFit.fit(summaries));
    }

    /** The log-likelihood of {@code summaries} under the given parameters. */
    public static double logLikelihood(double r, double alpha, double a, double b,
            Collection<RepeatSummary> summaries) {
        return BgNbdLikelihood.of(summaries).logLikelihood(r, alpha, a, b);
    }

    public BgNbdParameters parameters() {
        return parameters;
    }

    /**
     * P(alive | x, t_x, T). A customer who never bought again ({@code x = 0}) has had no chance
     * to drop out in this model, so is alive with probability 1.
     */
    public double pAlive(double x, double tx, double T) {
        return pAlive(new RepeatSummary(x, tx, T));
    }

    public double pAlive(RepeatSummary summary) {
        return 1.0 / (1.0 + dropoutOdds(summary));
    }

    /**
     * Expected purchases in the next {@code t} time units given the history (paper eq. 10).
     * Undefined for {@code a = 1} exactly, where the formula has a removable singularity.
     */
    public double expectedPurchases(double t, double x, double tx, double T) {
        return expectedPurchases(t, new RepeatSummary(x, tx, T));
    }

    public double expectedPurchases(double t, RepeatSummary summary) {
        if (!(t >= 0)) {
            throw new IllegalArgumentException("t must be >= 0: " + t);
        }
        double r = parameters.r();
        double alpha = parameters.alpha();
        double a = parameters.a();
        double b = parameters.b();
        double x = summary.x();
        double horizon = alpha + summary.T() + t;
        double hypergeometric = GaussHypergeometric.of(r + x, b + x, a + b + x - 1, t / horizon);
        double hypergeometricTerm = Math.exp((r + x) * Math.log((alpha + summary.T()) / horizon)) * hypergeometric;
        double whileAlive = (a + b + x - 1) / (a - 1) * (1 - hypergeometricTerm);
        return whileAlive / (1.0 + dropoutOdds(summary));
    }

    /** [x > 0] (a / (b + x - 1)) ((alpha + T) / (alpha + t_x))^(r + x), computed in logs. */
    private double dropoutOdds(RepeatSummary summary) {
        double x = summary.x();
        if (x == 0) {
            return 0;
        }
        double r = parameters.r();
        double alpha = parameters.alpha();
        return Math.exp(Math.log(parameters.a()) - Math.log(parameters.b() + x - 1)
                + (r + x) * (Math.log(alpha + summary.T()) - Math.log(alpha + summary.tx())));
    }
}
