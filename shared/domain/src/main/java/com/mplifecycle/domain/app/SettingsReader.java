package com.mplifecycle.domain.app;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.mplifecycle.domain.input.FieldError;
import com.mplifecycle.domain.input.JsonFields;
import com.mplifecycle.domain.lifecycle.LifecycleThresholds;

/**
 * Reads a settings change ({@code PUT /v1/apps/{appId}/settings}) from its JSON tree, the way
 * campaigns are read: every invalid field is reported with its path and reason. A change names the
 * fields it sets and keeps the others, so an operator can change one threshold without restating the
 * rest; unknown fields are refused.
 */
public final class SettingsReader {
    static final Set<String> TOP = Set.of("timeZone", "lifecycle", "push");
    static final Set<String> LIFECYCLE = Set.of("newDays", "activeWindowDays", "growingActiveDays",
            "growingOrders", "matureActiveDays", "matureOrders", "decliningInactiveDays", "churnedInactiveDays",
            "decliningPAlive", "churnedPAlive");
    static final Set<String> PUSH = Set.of("maxPerDay", "quietFrom", "quietUntil");
    /** The largest day count or order threshold a setting takes. */
    static final int MAX_DAYS = 3650;

    /** The outcome: the settings now in force, or the reasons the change is refused. */
    public sealed interface Result permits Valid, Invalid {
    }

    public record Valid(AppSettings settings) implements Result {
    }

    public record Invalid(List<FieldError> errors) implements Result {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }

    private final List<FieldError> errors = new ArrayList<>();
    private final JsonFields in;

    private SettingsReader(Map<String, Object> json) {
        this.in = new JsonFields(json, "", errors);
    }

    /** {@code current} with the change {@code json} applied. */
    public static Result read(AppSettings current, Map<String, Object> json) {
        return new SettingsReader(json).read(current);
    }

    private Result read(AppSettings current) {
        in.onlyKnown(TOP);
        ZoneId zone = zone(current.timeZone());
        LifecycleThresholds lifecycle = lifecycle(current.lifecycle(), in.object("lifecycle", false));
        PushLimits push = push(current.pushLimits(), current.push(), in.object("push", false));
        if (!errors.isEmpty()) {
            return new Invalid(errors);
        }
        return new Valid(new AppSettings(current.appId(), zone, lifecycle, push));
    }

    private ZoneId zone(ZoneId current) {
        if (!in.has("timeZone")) {
            return current;
        }
        String name = in.string("timeZone", true, 64);
        if (name == null) {
            return current;
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            in.error("timeZone", "unknown time zone " + name + "; an IANA name such as Asia/Shanghai");
            return current;
        }
    }

    private LifecycleThresholds lifecycle(LifecycleThresholds t, Optional<JsonFields> change) {
        if (change.isEmpty()) {
            return t;
        }
        JsonFields l = change.get();
        l.onlyKnown(LIFECYCLE);
        int before = errors.size();
        int newDays = l.integer("newDays", t.newDays(), 1, MAX_DAYS);
        int activeWindowDays = l.integer("activeWindowDays", t.activeWindowDays(), 1, MAX_DAYS);
        int growingActiveDays = l.integer("growingActiveDays", t.growingActiveDays(), 1, MAX_DAYS);
        int growingOrders = l.integer("growingOrders", t.growingOrders(), 1, MAX_DAYS);
        int matureActiveDays = l.integer("matureActiveDays", t.matureActiveDays(), 1, MAX_DAYS);
        int matureOrders = l.integer("matureOrders", t.matureOrders(), 1, MAX_DAYS);
        int decliningInactiveDays = l.integer("decliningInactiveDays", t.decliningInactiveDays(), 1, MAX_DAYS);
        int churnedInactiveDays = l.integer("churnedInactiveDays", t.churnedInactiveDays(), 1, MAX_DAYS);
        double decliningPAlive = l.fraction("decliningPAlive", t.decliningPAlive());
        double churnedPAlive = l.fraction("churnedPAlive", t.churnedPAlive());
        if (errors.size() > before) {
            return t;
        }
        try {
            return new LifecycleThresholds(newDays, activeWindowDays, growingActiveDays, growingOrders,
                    matureActiveDays, matureOrders, decliningInactiveDays, churnedInactiveDays, decliningPAlive,
                    churnedPAlive);
        } catch (IllegalArgumentException e) {
            // The rules that relate two thresholds (mature >= growing, churned > declining, ...).
            in.error("lifecycle", e.getMessage());
            return t;
        }
    }

    /** @param stored the app's own limits, or null when it never set any (the defaults stay implicit) */
    private PushLimits push(PushLimits inForce, PushLimits stored, Optional<JsonFields> change) {
        if (change.isEmpty()) {
            return stored;
        }
        JsonFields p = change.get();
        p.onlyKnown(PUSH);
        int maxPerDay = p.integer("maxPerDay", inForce.maxPerDay(), 1, PushLimits.MAX_PER_DAY_LIMIT);
        LocalTime quietFrom = p.time("quietFrom", inForce.quietFrom());
        LocalTime quietUntil = p.time("quietUntil", inForce.quietUntil());
        return new PushLimits(maxPerDay, quietFrom, quietUntil);
    }
}
