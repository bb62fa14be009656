package com.mplifecycle.functions.admin;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.app.PushLimits;
import com.mplifecycle.domain.lifecycle.LifecycleThresholds;
import com.mplifecycle.domain.loyalty.ClientOrders;
import com.mplifecycle.domain.loyalty.Level;
import com.mplifecycle.domain.loyalty.LoyaltySettings;
import com.mplifecycle.domain.loyalty.OrderSettings;

/**
 * The settings document of {@code GET/PUT /v1/apps/{appId}/settings}. A PUT changes the fields it
 * names and keeps the others, so an operator can change one threshold without restating the rest;
 * unknown fields are refused (a typo must not look like success).
 */
final class SettingsBody {
    private static final Set<String> TOP = Set.of("timeZone", "lifecycle", "push", "orders", "loyalty");
    private static final Set<String> ORDERS = Set.of("clientOrders");
    private static final Set<String> LOYALTY = Set.of("pointsPerYuan", "checkInPoints", "checkInStep",
            "checkInMaxPoints", "birthdayPoints", "expiryDays", "expiringNoticeDays", "makeUpCost", "makeUpDays",
            "growthWindowDays", "levels");
    private static final Set<String> LIFECYCLE = Set.of("newDays", "activeWindowDays", "growingActiveDays",
            "growingOrders", "matureActiveDays", "matureOrders", "decliningInactiveDays", "churnedInactiveDays",
            "decliningPAlive", "churnedPAlive");
    private static final Set<String> PUSH = Set.of("maxPerDay", "quietFrom", "quietUntil");

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
        v.put("orders", Map.of("clientOrders", s.orderSettings().clientOrders().wireName()));
        v.put("loyalty", loyaltyView(s.loyaltySettings()));
        return v;
    }

    private static Map<String, Object> loyaltyView(LoyaltySettings t) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("pointsPerYuan", t.pointsPerYuan());
        l.put("checkInPoints", t.checkInPoints());
        l.put("checkInStep", t.checkInStep());
        l.put("checkInMaxPoints", t.checkInMaxPoints());
        l.put("birthdayPoints", t.birthdayPoints());
        l.put("expiryDays", t.expiryDays());
        l.put("expiringNoticeDays", t.expiringNoticeDays());
        l.put("makeUpCost", t.makeUpCost());
        l.put("makeUpDays", t.makeUpDays());
        l.put("growthWindowDays", t.growthWindowDays());
        List<Map<String, Object>> levels = new ArrayList<>();
        for (Level level : t.levels()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", level.name());
            m.put("growth", level.growth());
            m.put("multiplier", level.multiplier());
            levels.add(m);
        }
        l.put("levels", levels);
        return l;
    }

    /** The current settings with the body's fields applied; throws {@link InvalidFieldException}. */
    static AppSettings apply(AppSettings current, JsonNode body) {
        onlyKnown(body, TOP, "");
        ZoneId zone = body.has("timeZone") ? zone(body.get("timeZone")) : current.timeZone();
        LifecycleThresholds lifecycle = body.has("lifecycle") ? lifecycle(current.lifecycle(), body.get("lifecycle"))
                : current.lifecycle();
        PushLimits push = body.has("push") ? push(current.pushLimits(), body.get("push")) : current.push();
        OrderSettings orders = body.has("orders") ? orders(body.get("orders")) : current.orders();
        LoyaltySettings loyalty = body.has("loyalty") ? loyalty(current.loyaltySettings(), body.get("loyalty"))
                : current.loyalty();
        return new AppSettings(current.appId(), zone, lifecycle, push, orders, loyalty);
    }

    private static OrderSettings orders(JsonNode node) {
        object(node, "orders");
        onlyKnown(node, ORDERS, "orders.");
        JsonNode v = node.get("clientOrders");
        return new OrderSettings(v != null && v.isTextual() ? ClientOrders.fromWireName(v.asText())
                .orElseThrow(() -> new InvalidFieldException("orders.clientOrders", "must be \"count\" or \"ignore\""))
                : throwInvalid("orders.clientOrders", "must be \"count\" or \"ignore\""));
    }

    private static <T> T throwInvalid(String field, String reason) {
        throw new InvalidFieldException(field, reason);
    }

    private static LoyaltySettings loyalty(LoyaltySettings t, JsonNode node) {
        object(node, "loyalty");
        onlyKnown(node, LOYALTY, "loyalty.");
        List<Level> levels = t.levels();
        if (node.has("levels")) {
            JsonNode list = node.get("levels");
            if (!list.isArray()) {
                throw new InvalidFieldException("loyalty.levels", "must be an array of {name, growth, multiplier}");
            }
            levels = new ArrayList<>();
            for (JsonNode l : list) {
                if (!l.isObject() || !l.path("name").isTextual() || !l.path("growth").isIntegralNumber()
                        || !l.path("multiplier").isNumber()) {
                    throw new InvalidFieldException("loyalty.levels", "each level is {name, growth, multiplier}");
                }
                try {
                    levels.add(new Level(l.get("name").asText(), l.get("growth").asLong(), l.get("multiplier").asDouble()));
                } catch (IllegalArgumentException e) {
                    throw new InvalidFieldException("loyalty.levels", e.getMessage());
                }
            }
        }
        try {
            return new LoyaltySettings(integer(node, "pointsPerYuan", t.pointsPerYuan()),
                    integer(node, "checkInPoints", t.checkInPoints()), integer(node, "checkInStep", t.checkInStep()),
                    integer(node, "checkInMaxPoints", t.checkInMaxPoints()),
                    integer(node, "birthdayPoints", t.birthdayPoints()), integer(node, "expiryDays", t.expiryDays()),
                    integer(node, "expiringNoticeDays", t.expiringNoticeDays()),
                    integer(node, "makeUpCost", t.makeUpCost()), integer(node, "makeUpDays", t.makeUpDays()),
                    integer(node, "growthWindowDays", t.growthWindowDays()), levels);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("loyalty", e.getMessage());
        }
    }

    private static int integer(JsonNode node, String name, int current) {
        if (!node.has(name)) {
            return current;
        }
        JsonNode v = node.get(name);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new InvalidFieldException("loyalty." + name, "must be an integer");
        }
        return v.asInt();
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
