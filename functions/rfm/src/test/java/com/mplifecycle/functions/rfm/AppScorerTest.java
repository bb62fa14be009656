package com.mplifecycle.functions.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.profile.CustomerProfile;

class AppScorerTest {
    private static final Instant NOW = Instant.parse("2026-03-01T04:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    private static AppScorer scorerAt(Instant now, CustomerProfile... profiles) {
        AppTally tally = new AppTally(AppSettings.defaults("shop"), now);
        for (CustomerProfile p : profiles) {
            tally.add(p);
        }
        return tally.freeze();
    }

    private static CustomerProfile buyer() {
        return Customers.of("shop", "b").paid(NOW.minus(DAY.multipliedBy(3)), 5_000).profile();
    }

    @Test
    void rescore_firstRun_changedWithScoresComputedNow() {
        AppScorer.Rescored r = scorerAt(NOW, buyer()).rescore(buyer());

        assertTrue(r.changed());
        assertEquals(3, r.profile().rfm().recencyDays());
        assertEquals(NOW, r.profile().rfm().computedAt());
    }

    @Test
    void rescore_sameScoresLaterSameDay_unchangedAndKeepsComputedAt() {
        CustomerProfile scored = scorerAt(NOW, buyer()).rescore(buyer()).profile();
        Instant later = NOW.plus(Duration.ofHours(2));

        AppScorer.Rescored r = scorerAt(later, scored).rescore(scored);

        assertFalse(r.changed());
        assertEquals(NOW, r.profile().rfm().computedAt());
    }

    @Test
    void rescore_nextDay_recencyAloneGrew_notRewritten() {
        CustomerProfile scored = scorerAt(NOW, buyer()).rescore(buyer()).profile();
        Instant tomorrow = NOW.plus(DAY);

        AppScorer.Rescored r = scorerAt(tomorrow, scored).rescore(scored);

        // Readers derive today's recency from the last order; a write per buyer per day buys nothing.
        assertFalse(r.changed());
        assertEquals(3, r.profile().rfm().recencyDays());
    }

    @Test
    void rescore_buyerInactive14Days_declinesWithoutModel() {
        Instant later = NOW.plus(DAY.multipliedBy(11));

        AppScorer.Rescored r = scorerAt(later, buyer()).rescore(buyer());

        assertEquals(Stage.DECLINING, r.profile().stage());
        assertEquals(Stage.GROWING, r.decay().orElseThrow().from());
        assertNull(r.profile().churn());
    }

    @Test
    void count_scoredProfiles_segmentAndStageCountsInRunRecord() {
        CustomerProfile scored = scorerAt(NOW, buyer()).rescore(buyer()).profile();
        AppScorer scorer = scorerAt(NOW, scored);

        scorer.count(scored);

        assertEquals(1L, scorer.run().stageCounts().get(Stage.GROWING));
        assertEquals(1L, scorer.run().segmentCounts().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(1, scorer.run().customers());
    }
}
