package com.mplifecycle.domain.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class AbuseLimitsTest {
    @Test
    void retryAfter_isWholeSecondsToTheEndOfTheUtcMinuteOrDay_atLeastOne() {
        Instant at = Instant.parse("2026-03-01T23:59:10.200Z");

        assertEquals(50, AbuseLimits.secondsToNextMinute(at));
        assertEquals(50, AbuseLimits.secondsToNextDay(at));
        assertEquals(60, AbuseLimits.secondsToNextMinute(Instant.parse("2026-03-01T10:00:00Z")));
        assertEquals(1, AbuseLimits.secondsToNextMinute(Instant.parse("2026-03-01T10:00:59.999Z")));
        assertEquals(AbuseLimits.minuteOf(at) / 1440, AbuseLimits.dayOf(at));
    }

    @Test
    void limits_belowOneFullRequestOrDayBelowMinute_refused() {
        assertThrows(IllegalArgumentException.class, () -> new AbuseLimits(99, 1_000, 1));
        assertThrows(IllegalArgumentException.class, () -> new AbuseLimits(500, 400, 1));
        assertThrows(IllegalArgumentException.class, () -> new AbuseLimits(500, 500, 0));
        assertEquals(AbuseLimits.DEFAULTS, AppSettings.defaults("shop").abuseLimits());
    }
}
