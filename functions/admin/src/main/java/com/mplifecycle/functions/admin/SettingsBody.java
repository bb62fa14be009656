package com.mplifecycle.functions.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.app.PushLimits;
import com.mplifecycle.domain.lifecycle.LifecycleThresholds;

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
        return v;
    }
}
