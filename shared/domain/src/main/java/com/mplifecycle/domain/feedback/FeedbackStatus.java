package com.mplifecycle.domain.feedback;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an inbox item stands; operators move it forward, never back from {@link #RESOLVED}. */
public enum FeedbackStatus {
    /** Received, nobody has looked at it yet. */
    OPEN,
    /** An operator has seen it and is on it. */
    ACKNOWLEDGED,
    /** Handled; final. */
    RESOLVED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FeedbackStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }

    /** Whether an operator may set {@code next} on an item in this status (the same status again is allowed). */
    public boolean allows(FeedbackStatus next) {
        return this != RESOLVED || next == RESOLVED;
    }
}
