package com.mplifecycle.functions.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.CustomerScores;

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

    private static CustomerProfile otherBuyer() {
        return Customers.of("shop", "c").paid(NOW.minus(DAY.multipliedBy(30)), 9_000)
                .paid(NOW.minus(DAY.multipliedBy(2)), 1_000).profile();
    }

    @Test
    void rescore_firstRun_unchangedAsScoresAreNotStored() {
        CustomerProfile p = buyer();

        AppScorer.Rescored r = scorerAt(NOW, p, otherBuyer()).rescore(p);

        assertFalse(r.changed());
        assertSame(p, r.profile());
    }

    @Test
    void rescore_nextDay_recencyGrewAndBoundariesMoved_unchanged() {
        CustomerProfile p = buyer();
        Instant tomorrow = NOW.plus(DAY);
        CustomerProfile newBuyer = Customers.of("shop", "d").paid(tomorrow, 40_000).profile();

        AppScorer.Rescored r = scorerAt(tomorrow, p, otherBuyer(), newBuyer).rescore(p);

        assertFalse(r.changed());
    }

    @Test
    void rescore_buyerInactive14Days_declinesWithoutModel() {
        Instant later = NOW.plus(DAY.multipliedBy(11));

        AppScorer.Rescored r = scorerAt(later, buyer()).rescore(buyer());

        assertEquals(Stage.DECLINING, r.profile().stage());
        assertEquals(Stage.GROWING, r.decay().orElseThrow().from());
    }

    @Test
    void count_buyer_segmentAndStageCountsInRunRecord() {
        AppScorer scorer = scorerAt(NOW, buyer());

        scorer.count(buyer());

        assertEquals(1L, scorer.run().stageCounts().get(Stage.GROWING));
        assertEquals(1L, scorer.run().segmentCounts().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(1, scorer.run().customers());
    }

    @Test
    void run_keepsStatistics_readersScoreAsTheRunDid() {
        AppScorer scorer = scorerAt(NOW, buyer(), otherBuyer());

        CustomerScores onRead = CustomerScores.of(scorer.run(), AppSettings.defaults("shop").timeZone());

        assertEquals(3, onRead.rfm(buyer()).orElseThrow().recencyDays());
        assertEquals(NOW, onRead.rfm(buyer()).orElseThrow().computedAt());
        assertEquals(2, onRead.rfm(otherBuyer()).orElseThrow().frequency());
    }
}
