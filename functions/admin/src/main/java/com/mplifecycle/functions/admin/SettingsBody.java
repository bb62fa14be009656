package com.mplifecycle.functions.admin;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.domain.app.AbuseLimits;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.app.PushLimits;
import com.mplifecycle.domain.lifecycle.LifecycleThresholds;

/**
 * The settings document of {@code GET/PUT /v1/apps/{appId}/settings}. A PUT changes the fields it
 * names and keeps the others, so an operator can change one threshold without restating the rest;
 * unknown fields are refused (a typo must not look like success).
 */
final class SettingsBody {
    private static final Set<String> TOP = Set.of("timeZone", "lifecycle", "push", "limits");
    private static final Set<String> LIFECYCLE = Set.of("newDays", "activeWindowDays", "growingActiveDays",
            "growingOrders", "matureActiveDays", "matureOrders", "decliningInactiveDays", "churnedInactiveDays",
            "decliningPAlive", "churnedPAlive");
    private static final Set<String> PUSH = Set.of("maxPerDay", "quietFrom", "quietUntil");
    private static final Set<String> LIMITS = Set.of("eventsPerMinute", "eventsPerDay", "loginsPerMinute");

    private SettingsBody() {
    }

    static Map<String, Object> view(AppSettings s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("appId", s.appId());
        v.put("timeZone", s.timeZone().getId());
        LifecycleThresholds t = s.lifecycle();
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("newDays", t.newDays());
        l.put("activeWindowDays", t.activeWindowDays());
        l.put("growingActiveDays", t.growingActiveDays());
        l.put("growingOrders", t.growingOrders());
        l.put("matureActiveDays", t.matureActiveDays());
        l.put("matureOrders", t.matureOrders());
        l.put("decliningInactiveDays", t.decliningInactiveDays());
        l.put("churnedInactiveDays", t.churnedInactiveDays());
        l.put("decliningPAlive", t.decliningPAlive());
        l.put("churnedPAlive", t.churnedPAlive());
        v.put("lifecycle", l);
        PushLimits p = s.pushLimits();
        v.put("push", Map.of("maxPerDay", p.maxPerDay(), "quietFrom", p.quietFrom().toString(),
                "quietUntil", p.quietUntil().toString()));
        AbuseLimits a = s.abuseLimits();
        v.put("limits", Map.of("eventsPerMinute", a.eventsPerMinute(), "eventsPerDay", a.eventsPerDay(),
                "loginsPerMinute", a.loginsPerMinute()));
        return v;
    }

    /** The current settings with the body's fields applied; throws {@link InvalidFieldException}. */
    static AppSettings apply(AppSettings current, JsonNode body) {
        onlyKnown(body, TOP, "");
        ZoneId zone = body.has("timeZone") ? zone(body.get("timeZone")) : current.timeZone();
        LifecycleThresholds lifecycle = body.has("lifecycle") ? lifecycle(current.lifecycle(), body.get("lifecycle"))
                : current.lifecycle();
        PushLimits push = body.has("push") ? push(current.pushLimits(), body.get("push")) : current.push();
        AbuseLimits limits = body.has("limits") ? limits(current.abuseLimits(), body.get("limits")) : current.limits();
        return new AppSettings(current.appId(), zone, lifecycle, push, limits);
    }

    private static ZoneId zone(JsonNode node) {
        if (!node.isTextual()) {
            throw new InvalidFieldException("timeZone", "must be an IANA time zone name such as Asia/Shanghai");
        }
        try {
            return ZoneId.of(node.asText());
        } catch (DateTimeException e) {
            throw new InvalidFieldException("timeZone", "unknown time zone " + node.asText());
        }
    }

    private static LifecycleThresholds lifecycle(LifecycleThresholds t, JsonNode node) {
        object(node, "lifecycle");
        onlyKnown(node, LIFECYCLE, "lifecycle.");
        try {
            return new LifecycleThresholds(
                    days(node, "newDays", t.newDays()), days(node, "activeWindowDays", t.activeWindowDays()),
                    days(node, "growingActiveDays", t.growingActiveDays()),
                    days(node, "growingOrders", t.growingOrders()),
                    days(node, "matureActiveDays", t.matureActiveDays()), days(node, "matureOrders", t.matureOrders()),
                    days(node, "decliningInactiveDays", t.decliningInactiveDays()),
                    days(node, "churnedInactiveDays", t.churnedInactiveDays()),
                    probability(node, "decliningPAlive", t.decliningPAlive()),
                    probability(node, "churnedPAlive", t.churnedPAlive()));
        } catch (IllegalArgumentException e) {
            // The rules that relate two thresholds (mature >= growing, churned > declining, ...).
            throw new InvalidFieldException("lifecycle", e.getMessage());
        }
    }

    private static PushLimits push(PushLimits p, JsonNode node) {
        object(node, "push");
        onlyKnown(node, PUSH, "push.");
        int max = p.maxPerDay();
        if (node.has("maxPerDay")) {
            JsonNode v = node.get("maxPerDay");
            if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1
                    || v.asInt() > PushLimits.MAX_PER_DAY_LIMIT) {
                throw new InvalidFieldException("push.maxPerDay", "must be an integer from 1 to "
                        + PushLimits.MAX_PER_DAY_LIMIT);
            }
            max = v.asInt();
        }
        return new PushLimits(max, time(node, "quietFrom", p.quietFrom()), time(node, "quietUntil", p.quietUntil()));
    }

    private static AbuseLimits limits(AbuseLimits a, JsonNode node) {
        object(node, "limits");
        onlyKnown(node, LIMITS, "limits.");
        int perMinute = count(node, "eventsPerMinute", a.eventsPerMinute(), AbuseLimits.MIN_EVENTS_PER_MINUTE,
                AbuseLimits.MAX_EVENTS_PER_MINUTE);
        int perDay = count(node, "eventsPerDay", a.eventsPerDay(), perMinute, AbuseLimits.MAX_EVENTS_PER_DAY);
        int logins = count(node, "loginsPerMinute", a.loginsPerMinute(), 1, AbuseLimits.MAX_LOGINS_PER_MINUTE);
        return new AbuseLimits(perMinute, perDay, logins);
    }

    private static int count(JsonNode node, String name, int current, int min, int max) {
        if (!node.has(name)) {
            // a day limit kept from before must still take a raised minute limit
            return name.equals("eventsPerDay") ? Math.max(current, min) : current;
        }
        JsonNode v = node.get(name);
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
            throw new InvalidFieldException("limits." + name, "must be an integer from " + min + " to " + max);
        }
        return v.asInt();
    }

    private static int days(JsonNode node, String name, int current) {
        if (!node.has(name)) {
            return current;
        }
        JsonNode v = node.get(name);
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1 || v.asInt() > 3650) {
            throw new InvalidFieldException("lifecycle." + name, "must be an integer from 1 to 3650");
        }
        return v.asInt();
    }

    private static double probability(JsonNode node, String name, double current) {
        if (!node.has(name)) {
            return current;
        }
        JsonNode v = node.get(name);
        if (!v.isNumber() || !(v.asDouble() > 0 && v.asDouble() < 1)) {
            throw new InvalidFieldException("lifecycle." + name, "must be a number strictly between 0 and 1");
        }
        return v.asDouble();
    }

    private static LocalTime time(JsonNode node, String name, LocalTime current) {
        if (!node.has(name)) {
            return current;
        }
        JsonNode v = node.get(name);
        try {
            if (v.isTextual() && v.asText().matches("\\d{2}:\\d{2}")) {
                return LocalTime.parse(v.asText());
            }
        } catch (DateTimeParseException e) {
            // falls through to the answer below
        }
        throw new InvalidFieldException("push." + name, "must be a local time HH:mm");
    }

    private static void object(JsonNode node, String field) {
        if (!node.isObject()) {
            throw new InvalidFieldException(field, "must be an object");
        }
    }

    private static void onlyKnown(JsonNode node, Set<String> known, String prefix) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new InvalidFieldException(prefix + name, "unknown field");
            }
        }
    }
}
