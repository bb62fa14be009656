package com.mplifecycle.domain.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    void new_pAliveAboveOne_rejected() {
        assertThrows(IllegalArgumentException.class, () -> new ChurnSnapshot(1.5, 0, AT));
    }
}
