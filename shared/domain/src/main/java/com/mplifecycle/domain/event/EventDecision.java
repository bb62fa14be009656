package com.mplifecycle.domain.event;

/** What validation decided for one event of a batch. */
public sealed interface EventDecision {
    /** Position of the event in the request's {@code events} array. */
    int index();

    record Accepted(int index, TrackedEvent event) implements EventDecision {
    }

    /** {@code eventId} is null when the event had none. */
    record Rejected(int index, String eventId, String reason) implements EventDecision {
    }
}
