package com.mplifecycle.local.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.mplifecycle.local.clock.ControllableClock;

class TargetClockTest {
    @Test
    void httpDate_rfc1123_isThatInstant() {
        assertEquals(Optional.of(Instant.parse("2026-12-04T23:40:05Z")),
                TargetClock.httpDate("Fri, 04 Dec 2026 23:40:05 GMT"));
        assertEquals(Optional.empty(), TargetClock.httpDate("yesterday"));
    }

    @Test
    void following_startsAtTheTargetsTimeAndRunsOnWithTheLocalClock() {
        ControllableClock local = new ControllableClock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"),
                ZoneOffset.UTC));

        Clock target = TargetClock.following(Instant.parse("2027-03-01T12:00:00Z"), local);
        local.advance(Duration.ofSeconds(90));

        assertEquals(Instant.parse("2027-03-01T12:01:30Z"), target.instant());
    }
}
