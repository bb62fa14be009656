package com.mplifecycle.domain.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LiftIntervalTest {
    @Test
    void of_newcombesWorkedExample_matchesHisMethod10() {
        // Newcombe (1998), Statistics in Medicine 17:873, table II, 56/70 vs 48/80: 0.0524 to 0.3339
        LiftInterval i = LiftInterval.of(56, 70, 48, 80).orElseThrow();

        assertEquals(0.2, i.lift(), 1e-12);
        assertEquals(0.0524, i.low(), 5e-5);
        assertEquals(0.3339, i.high(), 5e-5);
        assertTrue(i.significant());
    }

    @Test
    void of_wilsonIntervals_matchPublishedValues() {
        // Newcombe (1998) table I: 81/263 → 0.2553 to 0.3662; 0/10 → 0 to 0.2775
        double[] a = LiftInterval.wilson(81, 263);
        double[] b = LiftInterval.wilson(0, 10);

        assertEquals(0.2553, a[0], 5e-5);
        assertEquals(0.3662, a[1], 5e-5);
        assertEquals(0.0, b[0], 1e-12);
        assertEquals(0.2775, b[1], 5e-5);
    }

    @Test
    void of_smallGroups_intervalContainsZero_notSignificant() {
        LiftInterval i = LiftInterval.of(9, 90, 1, 20).orElseThrow();

        assertEquals(0.05, i.lift(), 1e-12);
        assertTrue(i.low() < 0 && i.high() > 0);
        assertFalse(i.significant());
    }

    @Test
    void of_clearlyWorse_isSignificantBelowZero() {
        LiftInterval i = LiftInterval.of(10, 1000, 100, 1000).orElseThrow();

        assertTrue(i.high() < 0);
        assertTrue(i.significant());
    }

    @Test
    void of_nobodyExposed_isEmpty() {
        assertTrue(LiftInterval.of(0, 0, 1, 20).isEmpty());
        assertTrue(LiftInterval.of(1, 10, 0, 0).isEmpty());
    }

    @Test
    void of_variantOfCampaign_usesSentAndHoldoutDecided() {
        VariantOutcome a = new VariantOutcome("A", false, 100, 70, Map.of(), Map.of(), 56);
        VariantOutcome holdout = new VariantOutcome("holdout", true, 80, 0, Map.of(), Map.of(), 48);
        CampaignOutcomes o = new CampaignOutcomes("c1", Instant.EPOCH, List.of(a, holdout));

        assertEquals(0.0524, LiftInterval.of(o, a).orElseThrow().low(), 5e-5);
        assertTrue(LiftInterval.of(o, holdout).isEmpty());
        assertTrue(LiftInterval.of(new CampaignOutcomes("c1", Instant.EPOCH, List.of(a)), a).isEmpty());
    }
}
