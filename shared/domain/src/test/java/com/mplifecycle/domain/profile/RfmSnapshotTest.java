package com.mplifecycle.domain.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.mplifecycle.domain.rfm.MemberClass;
import com.mplifecycle.domain.rfm.RfmSegment;
import com.mplifecycle.domain.rfm.ValueTier;

class RfmSnapshotTest {
    private static final Instant MONDAY = Instant.parse("2026-03-02T19:00:00Z");

    private static RfmSnapshot snapshot(int recencyDays, Instant at) {
        return new RfmSnapshot(recencyDays, 2, 10_000, 4, 3, 5, RfmSegment.IMPORTANT_VALUE, ValueTier.A,
                MemberClass.HONEYMOON, at);
    }

    @Test
    void sameScores_onlyComputedAtDiffers_true() {
        assertTrue(snapshot(3, MONDAY).sameScores(snapshot(3, MONDAY.plusSeconds(3600))));
    }

    @Test
    void sameScores_onlyRecencyGrew_true() {
        assertTrue(snapshot(3, MONDAY).sameScores(snapshot(4, MONDAY.plusSeconds(86_400))));
    }

    @Test
    void sameScores_scoreOrSegmentDiffers_false() {
        RfmSnapshot other = new RfmSnapshot(4, 2, 10_000, 3, 3, 5, RfmSegment.IMPORTANT_RETAIN, ValueTier.A,
                MemberClass.HONEYMOON, MONDAY);

        assertFalse(snapshot(3, MONDAY).sameScores(other));
    }

    @Test
    void recencyDaysOn_daysSinceLastOrder() {
        assertEquals(9, RfmSnapshot.recencyDaysOn(java.time.LocalDate.of(2026, 3, 1), java.time.LocalDate.of(2026, 3, 10)));
    }

    @Test
    void sameScores_null_false() {
        assertFalse(snapshot(3, MONDAY).sameScores(null));
    }
}
