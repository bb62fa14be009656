package com.mplifecycle.domain.campaign;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One occurrence of a trigger for one customer: the key that makes (campaign, customer, occurrence)
 * unique, derived from profile data so that every run sees the same key, the moment from which it
 * can be decided, and when it stops being due.
 *
 * <p>{@code from} is when the situation was known, not when it began: a decay that the nightly run
 * finds a day after the threshold passed, or an activity uploaded late, is due from when it was
 * recorded. An open-ended occurrence ({@code until} null) stays due for {@link #GRACE} after the
 * first moment from {@code from} on at which the app's policy allows sending, so quiet hours never
 * eat the window, whatever the hour it began; the first run where sending is allowed decides it (a
 * send, a skip with its reason, or a holdout), and a day of missed runs still finds it. History
 * older than that is never due, so a new campaign does not fire on it. Birthday and streak
 * occurrences end with their local day instead.
 */
public record Occurrence(String key, Instant from, Instant until) {
    public static final java.time.Duration GRACE = java.time.Duration.ofHours(24);

    public Occurrence {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(from, "from");
    }

    /** An open-ended occurrence (due for {@link #GRACE} of sendable time). */
    public static Occurrence from(String key, Instant from) {
        return new Occurrence(key, from, null);
    }

    /** When it stops being due under {@code policy} in {@code zone}. */
    public Instant end(PushPolicy policy, ZoneId zone) {
        return until != null ? until : policy.quietEnd(from, zone).plus(GRACE);
    }

    public boolean isDue(Instant now, PushPolicy policy, ZoneId zone) {
        return !now.isBefore(from) && now.isBefore(end(policy, zone));
    }
}
