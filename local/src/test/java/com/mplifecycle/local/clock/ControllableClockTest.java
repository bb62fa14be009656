package com.mplifecycle.local.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ControllableClockTest {
    private static final Instant START = Instant.parse("2026-05-01T00:00:00Z");

    @Test
    void advance_fixedBase_movesByExactAmountAndNotifies() {
        ControllableClock clock = new ControllableClock(Clock.fixed(START, ZoneOffset.UTC));
        List<Instant> seen = new CopyOnWriteArrayList<>();
        clock.addListener(seen::add);

        clock.advance(Duration.ofDays(15));

        Instant expected = START.plus(Duration.ofDays(15));
        assertEquals(expected, clock.instant());
        assertEquals(List.of(expected), seen);
    }

    @Test
    void set_target_jumpsThereAndNotifies() {
        ControllableClock clock = new ControllableClock(Clock.fixed(START, ZoneOffset.UTC));
        List<Instant> seen = new CopyOnWriteArrayList<>();
        clock.addListener(seen::add);
        Instant target = Instant.parse("2030-01-01T12:00:00Z");

        clock.set(target);

        assertEquals(target, clock.instant());
        assertEquals(Duration.between(START, target), clock.offset());
        assertEquals(List.of(target), seen);
    }

    @Test
    void instant_systemBaseAfterAdvance_keepsRunningFromOffset() {
        ControllableClock clock = new ControllableClock();
        clock.advance(Duration.ofDays(1));

        Instant before = Instant.now().plus(Duration.ofDays(1));
        Instant now = clock.instant();

        assertTrue(!now.isBefore(before.minusSeconds(1)) && now.isBefore(before.plusSeconds(5)), now.toString());
    }

    @Test
    void withZone_otherZone_followsSameInstant() {
        ControllableClock clock = new ControllableClock(Clock.fixed(START, ZoneOffset.UTC));
        Clock shanghai = clock.withZone(ZoneId.of("Asia/Shanghai"));

        clock.advance(Duration.ofHours(1));

        assertEquals(ZoneOffset.UTC, clock.getZone());
        assertEquals(clock.instant(), shanghai.instant());
    }

    @Test
    void advance_listenerThrows_otherListenersNotifiedThenRethrown() {
        ControllableClock clock = new ControllableClock(Clock.fixed(START, ZoneOffset.UTC));
        List<Instant> seen = new CopyOnWriteArrayList<>();
        clock.addListener(now -> {
            throw new IllegalStateException("boom");
        });
        clock.addListener(seen::add);

        IllegalStateException thrown =
                assertThrows(IllegalStateException.class, () -> clock.advance(Duration.ofMinutes(1)));

        assertEquals("boom", thrown.getMessage());
        assertEquals(1, seen.size());
        assertEquals(START.plus(Duration.ofMinutes(1)), clock.instant());
    }
}
