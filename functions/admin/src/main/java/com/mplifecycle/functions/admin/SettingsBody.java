package com.mplifecycle.functions.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mplifecycle.domain.app.AbuseLimits;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.app.PushLimits;
import com.mplifecycle.domain.lifecycle.LifecycleThresholds;
import com.mplifecycle.domain.loyalty.Level;
import com.mplifecycle.domain.loyalty.LoyaltySettings;

/** The settings document that {@code GET/PUT /v1/apps/{appId}/settings} answer. */
final class SettingsBody {
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
        AbuseLimits a = s.abuseLimits();
        v.put("limits", Map.of("eventsPerMinute", a.eventsPerMinute(), "eventsPerDay", a.eventsPerDay(),
                "loginsPerMinute", a.loginsPerMinute()));
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
        l.put("referralPoints", t.referralPoints());
        l.put("referralWelcomePoints", t.referralWelcomePoints());
        return l;
    }
}
