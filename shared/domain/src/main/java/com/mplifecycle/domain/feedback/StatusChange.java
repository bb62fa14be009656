package com.mplifecycle.domain.feedback;

import java.time.Instant;
import java.util.Objects;

/** One operator change of an inbox item: the status set, the note given with it (may be null), when. */
public record StatusChange(FeedbackStatus status, String note, Instant at) {
    public StatusChange {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }
}
