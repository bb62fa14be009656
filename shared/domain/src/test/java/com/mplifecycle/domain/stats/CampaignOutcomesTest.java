package com.mplifecycle.domain.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CampaignOutcomesTest {
    private static final VariantOutcome A = new VariantOutcome("A", false, 100, 90, Map.of("43101", 5L),
            Map.of("quietHours", 5L), 9);
    private static final VariantOutcome HOLDOUT = new VariantOutcome("holdout", true, 20, 0, Map.of(), Map.of(), 1);

    @Test
    void liftOverHoldout_isRateMinusHoldoutRate() {
        CampaignOutcomes o = new CampaignOutcomes("c1", Instant.EPOCH, List.of(A, HOLDOUT));

        assertEquals(0.1, A.conversionRate().getAsDouble(), 1e-12);       // 9 of 90 sent
        assertEquals(0.05, HOLDOUT.conversionRate().getAsDouble(), 1e-12); // 1 of 20 decided
        assertEquals(0.05, o.liftOverHoldout(A).getAsDouble(), 1e-12);
        assertTrue(o.liftOverHoldout(HOLDOUT).isEmpty());
    }

    @Test
    void liftOverHoldout_withoutHoldout_isEmpty() {
        assertTrue(new CampaignOutcomes("c1", Instant.EPOCH, List.of(A)).liftOverHoldout(A).isEmpty());
    }
}
