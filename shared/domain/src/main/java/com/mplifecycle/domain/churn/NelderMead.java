package com.mplifecycle.domain.churn;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.ToDoubleFunction;

/**
 * Derivative-free minimisation by the Nelder–Mead simplex (standard coefficients: reflect 1,
 * expand 2, contract 1/2, shrink 1/2). Deterministic: same start, same result.
 *
 * <p>Stops when the simplex's values agree within {@code tolerance} (relative), or when the best
 * value improved by less than {@link #STALL_TOLERANCE} (relative) over the last
 * {@link #STALL_WINDOW} evaluations: along a flat ridge (BG/NBD with a, b → ∞ when dropout hardly
 * varies between customers) the simplex otherwise spends every evaluation allowed on gains in the
 * eleventh digit, which change no prediction.
 */
final class NelderMead {
    static final int STALL_WINDOW = 500;
    static final double STALL_TOLERANCE = 1e-9;

    record Minimum(double[] point, double value) {
    }

    private NelderMead() {
    }

    static Minimum minimize(ToDoubleFunction<double[]> objective, double[] start, double step,
            double tolerance, int maxEvaluations) {
        int n = start.length;
        double[][] simplex = new double[n + 1][];
        double[] values = new double[n + 1];
        simplex[0] = start.clone();
        for (int i = 0; i < n; i++) {
            simplex[i + 1] = start.clone();
            simplex[i + 1][i] += step;
        }
        int evaluations = 0;
        for (int i = 0; i <= n; i++) {
            values[i] = safe(objective, simplex[i]);
            evaluations++;
        }
        int stallFrom = evaluations;
        double stallBest = Double.POSITIVE_INFINITY;
        while (evaluations < maxEvaluations) {
            sort(simplex, values);
            double best = values[0];
            double worst = values[n];
            if (Math.abs(worst - best) <= tolerance * (Math.abs(best) + tolerance)) {
                break;
            }
            if (evaluations - stallFrom >= STALL_WINDOW) {
                if (stallBest - best <= STALL_TOLERANCE * (Math.abs(best) + tolerance)) {
                    break;
                }
                stallFrom = evaluations;
                stallBest = best;
            }
            double[] centroid = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    centroid[j] += simplex[i][j] / n;
                }
            }
            double[] reflected = along(centroid, simplex[n], -1.0);
            double reflectedValue = safe(objective, reflected);
            evaluations++;
            if (reflectedValue < values[0]) {
                double[] expanded = along(centroid, simplex[n], -2.0);
                double expandedValue = safe(objective, expanded);
                evaluations++;
                boolean expandWins = expandedValue < reflectedValue;
                simplex[n] = expandWins ? expanded : reflected;
                values[n] = expandWins ? expandedValue : reflectedValue;
            } else if (reflectedValue < values[n - 1]) {
                simplex[n] = reflected;
                values[n] = reflectedValue;
            } else {
                boolean outside = reflectedValue < values[n];
                double[] contracted = along(centroid, outside ? reflected : simplex[n], 0.5);
                double contractedValue = safe(objective, contracted);
                evaluations++;
                if (contractedValue < Math.min(reflectedValue, values[n])) {
                    simplex[n] = contracted;
                    values[n] = contractedValue;
                } else {
                    for (int i = 1; i <= n; i++) {
                        simplex[i] = along(simplex[0], simplex[i], 0.5);
                        values[i] = safe(objective, simplex[i]);
                        evaluations++;
                    }
                }
            }
        }
        sort(simplex, values);
        return new Minimum(simplex[0], values[0]);
    }

    /** The point {@code from + factor * (towards - from)}. */
    private static double[] along(double[] from, double[] towards, double factor) {
        double[] point = new double[from.length];
        for (int j = 0; j < from.length; j++) {
            point[j] = from[j] + factor * (towards[j] - from[j]);
        }
        return point;
    }

    /** Non-finite values (overflow far from the optimum) count as +infinity. */
    private static double safe(ToDoubleFunction<double[]> objective, double[] point) {
        double value = objective.applyAsDouble(point);
        return Double.isNaN(value) ? Double.POSITIVE_INFINITY : value;
    }

    private static void sort(double[][] simplex, double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[][] sortedPoints = new double[simplex.length][];
        double[] sortedValues = new double[values.length];
        for (int i = 0; i < order.length; i++) {
            sortedPoints[i] = simplex[order[i]];
            sortedValues[i] = values[order[i]];
        }
        System.arraycopy(sortedPoints, 0, simplex, 0, simplex.length);
        System.arraycopy(sortedValues, 0, values, 0, values.length);
    }
}
