package com.mplifecycle.domain.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * An app's sending limits: at most one push decision per customer within {@code cap} across campaigns,
 * and none between {@code quietFrom} and {@code quietUntil} app time (the window may span midnight).
 * A holdout decision counts against the cap like a send, so treated and held-out customers see the
 * same rules and the lift stays comparable.
 */
public record PushPolicy(Duration cap, LocalTime quietFrom, LocalTime quietUntil) {
    public static final PushPolicy DEFAULTS = new PushPolicy(Duration.ofHours(24), LocalTime.of(22, 0),
            LocalTime.of(8, 0));

    /**
     * The policy of an app's push limits (the one settings model, {@code AppSettings.push}). The
     * profile remembers only the last push, so "at most N per 24 h" is kept as a minimum spacing
     * of 24 h / N between pushes: never more than N in any 24 h, evenly spread.
     */
    public static PushPolicy from(com.mplifecycle.domain.app.PushLimits limits) {
        return new PushPolicy(Duration.ofHours(24).dividedBy(limits.maxPerDay()), limits.quietFrom(),
                limits.quietUntil());
    }

    public PushPolicy {
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(quietFrom, "quietFrom");
        Objects.requireNonNull(quietUntil, "quietUntil");
        if (cap.isNegative()) {
            throw new IllegalArgumentException("cap must not be negative");
        }
    }

    public boolean isQuiet(Instant now, ZoneId zone) {
        LocalTime t = now.atZone(zone).toLocalTime();
        if (quietFrom.equals(quietUntil)) {
            return false;
        }
        return quietFrom.isBefore(quietUntil) ? !t.isBefore(quietFrom) && t.isBefore(quietUntil)
                : !t.isBefore(quietFrom) || t.isBefore(quietUntil);
    }

    /** The end of the quiet hours that {@code now} is in (or {@code now} when it is not quiet). */
    public Instant quietEnd(Instant now, ZoneId zone) {
        if (!isQuiet(now, zone)) {
            return now;
        }
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime end = local.with(quietUntil);
        return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
    }

    public boolean capHolds(Instant lastPushAt, Instant now) {
        return lastPushAt != null && now.isBefore(lastPushAt.plus(cap));
    }
}
