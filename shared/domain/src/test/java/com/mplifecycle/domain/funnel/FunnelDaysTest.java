package com.mplifecycle.domain.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.mplifecycle.domain.event.EventType;
import com.mplifecycle.domain.event.TrackedEvent;

class FunnelDaysTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant MAR_5_10H = Instant.parse("2026-03-05T02:00:00Z");
    private static final LocalDate MAR_5 = LocalDate.of(2026, 3, 5);

    private static TrackedEvent at(String id, EventType type, Instant ts) {
        return new TrackedEvent(id, type, ts, Map.of());
    }

    private static List<TrackedEvent> visit(String id, Instant ts) {
        return List.of(at(id + "l", EventType.APP_LAUNCH, ts), at(id + "v", EventType.PAGE_VIEW, ts.plusSeconds(1)));
    }

    @Test
    void advance_visitsOnTwoDays_reachedPerLocalDay() {
        FunnelDays.Advance a = FunnelDays.NONE.advance(List.of(visit("a", MAR_5_10H), visit("b",
                MAR_5_10H.plus(Duration.ofDays(1)))).stream().flatMap(List::stream).toList(), SHANGHAI);

        assertEquals(Map.of(MAR_5, List.of(FunnelStep.LAUNCH, FunnelStep.PAGE_VIEW),
                MAR_5.plusDays(1), List.of(FunnelStep.LAUNCH, FunnelStep.PAGE_VIEW)), a.reached());
        assertEquals(2, a.after().days().get(MAR_5).reached());
    }

    @Test
    void advance_sameEventsAgainOrSecondVisitThatDay_reachesNothing() {
        FunnelDays once = FunnelDays.NONE.advance(visit("a", MAR_5_10H), SHANGHAI).after();

        assertTrue(once.advance(visit("a", MAR_5_10H), SHANGHAI).reached().isEmpty());
        assertTrue(once.advance(visit("b", MAR_5_10H.plus(Duration.ofHours(3))), SHANGHAI).reached().isEmpty());
    }

    @Test
    void advance_keepsTheLastEightDays_olderDaysCountNothing() {
        FunnelDays days = FunnelDays.NONE;
        for (int d = 0; d < 10; d++) {
            days = days.advance(visit("d" + d, MAR_5_10H.plus(Duration.ofDays(d))), SHANGHAI).after();
        }

        assertEquals(FunnelDays.KEPT_DAYS, days.days().size());
        assertEquals(MAR_5.plusDays(2), days.days().firstKey());
        assertTrue(days.advance(visit("late", MAR_5_10H.plus(Duration.ofDays(1))), SHANGHAI).reached().isEmpty(),
                "a day no longer kept: counting it could count it twice");
    }
}
