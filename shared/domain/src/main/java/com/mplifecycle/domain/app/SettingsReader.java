package com.mplifecycle.domain.app;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.mplifecycle.domain.input.FieldError;
import com.mplifecycle.domain.input.JsonFields;
import com.mplifecycle.domain.lifecycle.LifecycleThresholds;
import com.mplifecycle.domain.loyalty.ClientOrders;
import com.mplifecycle.domain.loyalty.Level;
import com.mplifecycle.domain.loyalty.LoyaltySettings;
import com.mplifecycle.domain.loyalty.OrderSettings;

/**
 * Reads a settings change ({@code PUT /v1/apps/{appId}/settings}) from its JSON tree, the way
 * campaigns are read: every invalid field is reported with its path and reason. A change names the
 * fields it sets and keeps the others, so an operator can change one threshold without restating the
 * rest; unknown fields are refused.
 */
public final class SettingsReader {
    static final Set<String> TOP = Set.of("timeZone", "lifecycle", "push", "orders", "loyalty", "limits");
    static final Set<String> LIFECYCLE = Set.of("newDays", "activeWindowDays", "growingActiveDays",
            "growingOrders", "matureActiveDays", "matureOrders", "decliningInactiveDays", "churnedInactiveDays",
            "decliningPAlive", "churnedPAlive");
    static final Set<String> PUSH = Set.of("maxPerDay", "quietFrom", "quietUntil");
    static final Set<String> LIMITS = Set.of("eventsPerMinute", "eventsPerDay", "loginsPerMinute");
    static final Set<String> ORDERS = Set.of("clientOrders");
    static final Set<String> LOYALTY = Set.of("pointsPerYuan", "checkInPoints", "checkInStep", "checkInMaxPoints",
            "birthdayPoints", "expiryDays", "expiringNoticeDays", "makeUpCost", "makeUpDays", "growthWindowDays",
            "levels", "referralPoints", "referralWelcomePoints");
    static final Set<String> LEVEL = Set.of("name", "growth", "multiplier");
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
        OrderSettings orders = orders(current.orders(), in.object("orders", false));
        LoyaltySettings loyalty = loyalty(current.loyaltySettings(), current.loyalty(), in.object("loyalty", false));
        AbuseLimits limits = limits(current.abuseLimits(), current.limits(), in.object("limits", false));
        if (!errors.isEmpty()) {
            return new Invalid(errors);
        }
        return new Valid(new AppSettings(current.appId(), zone, lifecycle, push, orders, loyalty, limits));
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

    /** @param stored the app's own limits, or null when it never set any (the defaults stay implicit) */
    private AbuseLimits limits(AbuseLimits inForce, AbuseLimits stored, Optional<JsonFields> change) {
        if (change.isEmpty()) {
            return stored;
        }
        JsonFields l = change.get();
        l.onlyKnown(LIMITS);
        int perMinute = l.integer("eventsPerMinute", inForce.eventsPerMinute(), AbuseLimits.MIN_EVENTS_PER_MINUTE,
                AbuseLimits.MAX_EVENTS_PER_MINUTE);
        // a day limit kept from before still has to take a raised minute limit
        int perDay = l.integer("eventsPerDay", Math.max(inForce.eventsPerDay(), perMinute), perMinute,
                AbuseLimits.MAX_EVENTS_PER_DAY);
        int logins = l.integer("loginsPerMinute", inForce.loginsPerMinute(), 1, AbuseLimits.MAX_LOGINS_PER_MINUTE);
        return perDay < perMinute ? stored : new AbuseLimits(perMinute, perDay, logins);
    }

    /** @param stored the app's own order settings, or null when it never set any (the default stays implicit) */
    private OrderSettings orders(OrderSettings stored, Optional<JsonFields> change) {
        if (change.isEmpty()) {
            return stored;
        }
        JsonFields o = change.get();
        o.onlyKnown(ORDERS);
        String name = o.string("clientOrders", false, 16);
        if (name == null) {
            return stored;
        }
        Optional<ClientOrders> clientOrders = ClientOrders.fromWireName(name);
        if (clientOrders.isEmpty()) {
            o.error("clientOrders", "unknown value '" + name + "'; \"count\" (client order_paid events count for "
                    + "stages and RFM) or \"ignore\" (only the server's orders count)");
            return stored;
        }
        return new OrderSettings(clientOrders.get());
    }

    /**
     * Earning rules, expiry, make-up and levels. Named fields change, the others keep their value in
     * force; {@code levels}, when given, replaces the whole list.
     *
     * @param stored the app's own loyalty settings, or null when it never set any (the defaults stay implicit)
     */
    private LoyaltySettings loyalty(LoyaltySettings inForce, LoyaltySettings stored, Optional<JsonFields> change) {
        if (change.isEmpty()) {
            return stored;
        }
        JsonFields l = change.get();
        l.onlyKnown(LOYALTY);
        int before = errors.size();
        int pointsPerYuan = l.integer("pointsPerYuan", inForce.pointsPerYuan(), 0, LoyaltySettings.MAX_POINTS_PER_YUAN);
        int checkInPoints = l.integer("checkInPoints", inForce.checkInPoints(), 0, LoyaltySettings.MAX_CHECK_IN_POINTS);
        int checkInStep = l.integer("checkInStep", inForce.checkInStep(), 0, LoyaltySettings.MAX_CHECK_IN_POINTS);
        int checkInMaxPoints = l.integer("checkInMaxPoints", inForce.checkInMaxPoints(), 0,
                LoyaltySettings.MAX_CHECK_IN_MAX_POINTS);
        int birthdayPoints = l.integer("birthdayPoints", inForce.birthdayPoints(), 0, LoyaltySettings.MAX_BONUS_POINTS);
        int expiryDays = l.integer("expiryDays", inForce.expiryDays(), 1, LoyaltySettings.MAX_DAYS);
        int noticeDays = l.integer("expiringNoticeDays", inForce.expiringNoticeDays(), 1,
                LoyaltySettings.MAX_NOTICE_DAYS);
        int makeUpCost = l.integer("makeUpCost", inForce.makeUpCost(), 0, LoyaltySettings.MAX_BONUS_POINTS);
        int makeUpDays = l.integer("makeUpDays", inForce.makeUpDays(), 0, LoyaltySettings.MAX_MAKE_UP_DAYS);
        int growthWindowDays = l.integer("growthWindowDays", inForce.growthWindowDays(), 1, LoyaltySettings.MAX_DAYS);
        List<Level> levels = levels(inForce.levels(), l);
        int referralPoints = l.integer("referralPoints", inForce.referralPoints(), 0, LoyaltySettings.MAX_BONUS_POINTS);
        int referralWelcomePoints = l.integer("referralWelcomePoints", inForce.referralWelcomePoints(), 0,
                LoyaltySettings.MAX_BONUS_POINTS);
        if (errors.size() == before && checkInMaxPoints < checkInPoints) {
            l.error(l.has("checkInMaxPoints") ? "checkInMaxPoints" : "checkInPoints", "checkInMaxPoints ("
                    + checkInMaxPoints + ") must be at least checkInPoints (" + checkInPoints + ")");
        }
        if (errors.size() > before) {
            return stored;
        }
        try {
            return new LoyaltySettings(pointsPerYuan, checkInPoints, checkInStep, checkInMaxPoints, birthdayPoints,
                    expiryDays, noticeDays, makeUpCost, makeUpDays, growthWindowDays, levels)
                    .withReferral(referralPoints, referralWelcomePoints);
        } catch (IllegalArgumentException e) {
            in.error("loyalty", e.getMessage());
            return stored;
        }
    }

    /** The whole list of levels: from growth 0, ascending, distinct names, multipliers from 1 to 10. */
    private List<Level> levels(List<Level> inForce, JsonFields l) {
        if (!l.has("levels")) {
            return inForce;
        }
        if (!(l.raw("levels") instanceof List<?> raw) || raw.isEmpty() || raw.size() > LoyaltySettings.MAX_LEVELS) {
            l.error("levels", "must be a list of 1 to " + LoyaltySettings.MAX_LEVELS
                    + " levels {name, growth, multiplier}, the first at growth 0");
            return inForce;
        }
        int before = errors.size();
        List<JsonFields> items = l.objects("levels");
        if (errors.size() > before) {
            return inForce;
        }
        List<Level> levels = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            JsonFields item = items.get(i);
            item.onlyKnown(LEVEL);
            String name = item.string("name", true, Level.MAX_NAME);
            if (!item.has("growth")) {
                item.error("growth", "is required");
            }
            int growth = item.integer("growth", -1, 0, (int) Level.MAX_GROWTH);
            double multiplier = item.number("multiplier", 1.0, Level.MIN_MULTIPLIER, Level.MAX_MULTIPLIER, 2);
            if (name != null && !names.add(name)) {
                item.error("name", "duplicate level name '" + name + "'");
            }
            if (growth < 0) {
                continue;
            }
            if (i == 0 && growth != 0) {
                item.error("growth", "the first level starts at growth 0 (every customer holds a level)");
            } else if (i > 0 && !levels.isEmpty() && growth <= levels.get(levels.size() - 1).growth()) {
                item.error("growth", "must be above the previous level's growth ("
                        + levels.get(levels.size() - 1).growth() + "): levels ascend");
            }
            if (name != null && errors.size() == before) {
                levels.add(new Level(name, growth, multiplier));
            }
        }
        return errors.size() > before ? inForce : levels;
    }
}
