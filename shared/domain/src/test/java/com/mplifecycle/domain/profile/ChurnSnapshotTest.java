package com.mplifecycle.domain.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ChurnSnapshotTest {
    private static final Instant AT = Instant.parse("2026-03-02T19:00:00Z");

    @Test
    void rounded_keepsFourDecimals() {
        ChurnSnapshot s = ChurnSnapshot.rounded(0.123456, 1.98765, AT);

        assertEquals(0.1235, s.pAlive());
        assertEquals(1.9877, s.expectedPurchases30d());
    }

    @Test
    void sameScores_refitDifferingInLastBits_true() {
        ChurnSnapshot first = ChurnSnapshot.rounded(0.7, 0.25, AT);
        ChurnSnapshot refit = ChurnSnapshot.rounded(0.7 + 1e-12, 0.25 - 1e-12, AT.plusSeconds(60));

        assertTrue(first.sameScores(refit));
    }

    @Test
    void sameScores_refitMovingThirdDecimal_true() {
        ChurnSnapshot stored = ChurnSnapshot.rounded(0.7012, 0.2503, AT);

        assertTrue(stored.sameScores(ChurnSnapshot.rounded(0.7049, 0.2461, AT.plusSeconds(86_400))));
    }

    @Test
    void sameScores_movedByTolerance_false() {
        ChurnSnapshot stored = ChurnSnapshot.rounded(0.7, 0.25, AT);

        assertFalse(stored.sameScores(ChurnSnapshot.rounded(0.7 + ChurnSnapshot.TOLERANCE, 0.25, AT)));
        assertFalse(stored.sameScores(ChurnSnapshot.rounded(0.7, 0.25 - ChurnSnapshot.TOLERANCE, AT)));
    }

    @Test
    void sameScores_pAliveDiffers_false() {
        assertFalse(ChurnSnapshot.rounded(0.7, 0.25, AT).sameScores(ChurnSnapshot.rounded(0.6, 0.25, AT)));
    }

    @Test
    void new_pAliveAboveOne_rejected() {
        assertThrows(IllegalArgumentException.class, () -> new ChurnSnapshot(1.5, 0, AT));
    }
}
