package com.mplifecycle.domain.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class NelderMeadTest {
    @Test
    void minimize_bowl_findsTheMinimum() {
        NelderMead.Minimum m = NelderMead.minimize(p -> Math.pow(p[0] - 3, 2) + Math.pow(p[1] + 1, 2),
                new double[] {0, 0}, 0.5, 1e-12, 20_000);

        assertEquals(3, m.point()[0], 1e-5);
        assertEquals(-1, m.point()[1], 1e-5);
    }

    @Test
    void minimize_bgNbdRidge_stopsWhenGainsStallNotAtTheEvaluationLimit() {
        // Weekly, fortnightly and one-time buyers that never drop out: the likelihood rises forever,
        // by ever smaller amounts, along a ridge where BG/NBD's a and b grow together.
        List<RepeatSummary> summaries = new ArrayList<>();
        for (int t = 1; t <= 8; t++) {
            for (int k = 0; k < 20; k++) {
                summaries.add(new RepeatSummary(t, t, t + k % 3 / 7.0));
                summaries.add(new RepeatSummary(0, 0, t + k / 7.0));
                summaries.add(new RepeatSummary(t / 2, t / 2.0, t + 0.5));
            }
        }
        BgNbdLikelihood likelihood = BgNbdLikelihood.of(summaries);
        AtomicInteger evaluations = new AtomicInteger();
        double[] start = {Math.log(2), Math.log(8), Math.log(2), Math.log(0.5)};

        NelderMead.Minimum m = NelderMead.minimize(p -> {
            evaluations.incrementAndGet();
            return -likelihood.logLikelihood(Math.exp(p[0]), Math.exp(p[1]), Math.exp(p[2]), Math.exp(p[3]));
        }, start, 0.5, 1e-12, 20_000);

        assertTrue(evaluations.get() < 5_000, "evaluations: " + evaluations.get());
        assertEquals(1814.76547, m.value(), 1e-5);
    }
}
