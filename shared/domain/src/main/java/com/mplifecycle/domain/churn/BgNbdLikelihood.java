package com.mplifecycle.domain.churn;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The BG/NBD log-likelihood (Fader, Hardie and Lee 2005, eq. 6, in the log form of their note
 * "Implementing the BG/NBD Model"): ln L = ln A1 + ln A2 + ln(A3 + [x > 0] A4), summed over
 * customers. Customers with identical summaries are weighted once, and terms that depend only
 * on x are reused across customers sorted by x, so one evaluation is cheap.
 */
final class BgNbdLikelihood {

    private final double[] xs;
    private final double[] txs;
    private final double[] ts;
    private final double[] weights;

    private BgNbdLikelihood(Collection<RepeatSummary> summaries) {
        Map<RepeatSummary, Integer> counts = new LinkedHashMap<>();
        for (RepeatSummary summary : summaries) {
            counts.merge(summary, 1, Integer::sum);
        }
        List<Map.Entry<RepeatSummary, Integer>> distinct = new ArrayList<>(counts.entrySet());
        distinct.sort(Comparator.comparingDouble(entry -> entry.getKey().x()));
        int n = distinct.size();
        xs = new double[n];
        txs = new double[n];
        ts = new double[n];
        weights = new double[n];
        for (int i = 0; i < n; i++) {
            RepeatSummary summary = distinct.get(i).getKey();
            xs[i] = summary.x();
            txs[i] = summary.tx();
            ts[i] = summary.T();
            weights[i] = distinct.get(i).getValue();
        }
    }

    static BgNbdLikelihood of(Collection<RepeatSummary> summaries) {
        return new BgNbdLikelihood(summaries);
    }

    double logLikelihood(double r, double alpha, double a, double b) {
        double constant = -LogGamma.of(r) + r * Math.log(alpha)
                + LogGamma.of(a + b) - LogGamma.of(b);
        double total = 0;
        double previousX = Double.NaN;
        double xTerms = 0;
        for (int i = 0; i < xs.length; i++) {
            double x = xs[i];
            if (x != previousX) {
                xTerms = LogGamma.of(r + x) + LogGamma.of(b + x) - LogGamma.of(a + b + x);
                previousX = x;
            }
            double logA3 = -(r + x) * Math.log(alpha + ts[i]);
            double tail = logA3;
            if (x > 0) {
                double logA4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + txs[i]);
                tail = logSumExp(logA3, logA4);
            }
            total += weights[i] * (constant + xTerms + tail);
        }
        return total;
    }

    private static double logSumExp(double u, double v) {
        double max = Math.max(u, v);
        return max + Math.log(Math.exp(u - max) + Math.exp(v - max));
    }
}
