package com.mplifecycle.domain.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.mplifecycle.domain.event.EventType;
import com.mplifecycle.domain.event.TrackedEvent;

class FunnelProgressTest {
    private static TrackedEvent at(String id, EventType type, int minute) {
        return new TrackedEvent(id, type, Instant.parse("2026-03-05T02:00:00Z").plusSeconds(60L * minute), Map.of());
    }

    @Test
    void advance_allStepsInOrder_reachesFive() {
        FunnelProgress after = FunnelProgress.NONE.advance(List.of(at("1", EventType.APP_LAUNCH, 0),
                at("2", EventType.PAGE_VIEW, 1), at("3", EventType.ADD_TO_CART, 2),
                at("4", EventType.CHECKOUT_START, 3), at("5", EventType.ORDER_PAID, 4)));

        assertEquals(5, after.reached());
        assertEquals(List.of(FunnelStep.values()), FunnelProgress.NONE.newlyReached(after));
    }

    @Test
    void advance_stepBeforeThePreviousOne_doesNotCount() {
        FunnelProgress after = FunnelProgress.NONE.advance(List.of(at("1", EventType.APP_LAUNCH, 0),
                at("2", EventType.ADD_TO_CART, 1), at("3", EventType.PAGE_VIEW, 2)));

        assertEquals(2, after.reached()); // launch, page_view; the cart came before the page view
    }

    @Test
    void advance_sameEventsAgain_changesNothing() {
        List<TrackedEvent> events = List.of(at("1", EventType.APP_LAUNCH, 0), at("2", EventType.PAGE_VIEW, 1));
        FunnelProgress once = FunnelProgress.NONE.advance(events);

        FunnelProgress twice = once.advance(events);

        assertEquals(once, twice);
        assertEquals(List.of(), once.newlyReached(twice));
    }

    @Test
    void advance_acrossChunks_continuesWhereItStopped() {
        FunnelProgress first = FunnelProgress.NONE.advance(List.of(at("1", EventType.APP_LAUNCH, 0)));

        FunnelProgress second = first.advance(List.of(at("2", EventType.PAGE_VIEW, 5)));

        assertEquals(List.of(FunnelStep.PAGE_VIEW), first.newlyReached(second));
    }
}
