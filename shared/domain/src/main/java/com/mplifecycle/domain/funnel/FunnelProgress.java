package com.mplifecycle.domain.funnel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.mplifecycle.domain.event.TrackedEvent;

/**
 * How far one customer got through the funnel on one local day: {@code reached} steps (0 to 5),
 * the last of them at {@code reachedAt}. A step counts only at or after the previous one, so the
 * steps are taken in order. Advancing is idempotent: events already accounted for are at or before
 * {@code reachedAt} or of a step already passed, so a redelivered chunk advances nothing.
 */
public record FunnelProgress(int reached, Instant reachedAt) {
    public static final FunnelProgress NONE = new FunnelProgress(0, null);

    public FunnelProgress {
        if (reached < 0 || reached > FunnelStep.values().length) {
            throw new IllegalArgumentException("reached must be 0 to " + FunnelStep.values().length);
        }
    }

    /** The progress after the day's events (in time order), and which steps were newly reached. */
    public FunnelProgress advance(List<TrackedEvent> eventsOfDay) {
        List<TrackedEvent> ordered = new ArrayList<>(eventsOfDay);
        ordered.sort(Comparator.comparing(TrackedEvent::ts).thenComparing(TrackedEvent::eventId));
        int steps = reached;
        Instant at = reachedAt;
        for (TrackedEvent e : ordered) {
            if (steps == FunnelStep.values().length) {
                break;
            }
            FunnelStep next = FunnelStep.values()[steps];
            if (e.type() == next.event() && (at == null || !e.ts().isBefore(at))) {
                steps++;
                at = e.ts();
            }
        }
        return new FunnelProgress(steps, at);
    }

    /** The steps reached in {@code after} but not here. */
    public List<FunnelStep> newlyReached(FunnelProgress after) {
        return List.of(FunnelStep.values()).subList(reached, after.reached);
    }
}
