package com.mplifecycle.domain.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class RfmSnapshotTest {
    @Test
    void recencyDaysOn_daysSinceLastOrder() {
        assertEquals(9, RfmSnapshot.recencyDaysOn(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 10)));
    }
}
