package com.mplifecycle.domain.feedback;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The categories of the {@code feedback} event (the event schema checks them on the way in). */
public enum FeedbackCategory {
    /** Something does not work. */
    BUG,
    /** An idea. */
    SUGGESTION,
    /** A complaint: the category answered against the clock. */
    COMPLAINT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FeedbackCategory> fromWireName(String name) {
        return Arrays.stream(values()).filter(c -> c.wireName().equals(name)).findFirst();
    }
}
