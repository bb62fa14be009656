package com.mplifecycle.domain.app;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Per-app limits on what one customer may send (issue: a flood from one customer must neither
 * reach the bill unchecked nor make their own profile unwritable): accepted events per customer
 * per minute and per day, and logins per openid per minute. Windows are fixed UTC minutes and UTC
 * days. The defaults are far above what an honest mini-program sends: an active customer's SDK
 * sends a few dozen events a minute and a few thousand on a heavy day.
 */
public record AbuseLimits(int eventsPerMinute, int eventsPerDay, int loginsPerMinute) {
    public static final AbuseLimits DEFAULTS = new AbuseLimits(1_000, 20_000, 20);
    /** A minute's allowance must take at least one full request (100 events). */
    public static final int MIN_EVENTS_PER_MINUTE = 100;
    public static final int MAX_EVENTS_PER_MINUTE = 1_000_000;
    public static final int MAX_EVENTS_PER_DAY = 100_000_000;
    public static final int MAX_LOGINS_PER_MINUTE = 10_000;

    public AbuseLimits {
        if (eventsPerMinute < MIN_EVENTS_PER_MINUTE || eventsPerMinute > MAX_EVENTS_PER_MINUTE) {
            throw new IllegalArgumentException("eventsPerMinute must be " + MIN_EVENTS_PER_MINUTE + " to "
                    + MAX_EVENTS_PER_MINUTE);
        }
        if (eventsPerDay < eventsPerMinute || eventsPerDay > MAX_EVENTS_PER_DAY) {
            throw new IllegalArgumentException("eventsPerDay must be eventsPerMinute to " + MAX_EVENTS_PER_DAY);
        }
        if (loginsPerMinute < 1 || loginsPerMinute > MAX_LOGINS_PER_MINUTE) {
            throw new IllegalArgumentException("loginsPerMinute must be 1 to " + MAX_LOGINS_PER_MINUTE);
        }
    }

    /** The UTC minute {@code at} falls in, as minutes since the epoch. */
    public static long minuteOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 60);
    }

    /** The UTC day {@code at} falls in, as days since the epoch. */
    public static long dayOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 86_400);
    }

    /** Whole seconds until the next UTC minute (at least 1): a refused client's {@code Retry-After}. */
    public static long secondsToNextMinute(Instant at) {
        return secondsUntil(at, at.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)));
    }

    /** Whole seconds until the next UTC day (at least 1). */
    public static long secondsToNextDay(Instant at) {
        return secondsUntil(at, at.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1)));
    }

    private static long secondsUntil(Instant at, Instant end) {
        long ms = Duration.between(at, end).toMillis();
        return Math.max(1, (ms + 999) / 1000);
    }
}
