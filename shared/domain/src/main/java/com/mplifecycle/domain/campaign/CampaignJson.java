package com.mplifecycle.domain.campaign;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A campaign as its JSON tree, the exact shape {@link CampaignReader} reads (stored and answered). */
public final class CampaignJson {
    private CampaignJson() {
    }

    public static Map<String, Object> of(Campaign c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("enabled", c.enabled());
        m.put("priority", c.priority());
        m.put("trigger", trigger(c.trigger()));
        if (!c.audience().stages().isEmpty() || !c.audience().segments().isEmpty()) {
            m.put("audience", Map.of(
                    "stages", c.audience().stages().stream().map(Enum::name).sorted().toList(),
                    "segments", c.audience().segments().stream().map(Enum::name).sorted().toList()));
        }
        m.put("templateId", c.templateId());
        c.optionalPage().ifPresent(p -> m.put("page", p));
        m.put("data", c.data());
        if (!c.variants().isEmpty()) {
            m.put("variants", c.variants().stream().map(v -> Map.of("id", v.id(), "weight", v.weight(),
                    "data", v.data())).toList());
        }
        m.put("holdoutPercent", c.holdoutPercent());
        return m;
    }

    static Map<String, Object> trigger(Trigger t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", t.type());
        if (t instanceof Trigger.StageEntered) {
            m.put("stage", ((Trigger.StageEntered) t).stage().name());
        } else if (t instanceof Trigger.Inactive) {
            m.put("days", ((Trigger.Inactive) t).days());
        } else if (t instanceof Trigger.CartAbandoned) {
            m.put("hours", ((Trigger.CartAbandoned) t).hours());
        } else if (t instanceof Trigger.AfterFirstOrder) {
            m.put("days", ((Trigger.AfterFirstOrder) t).days());
        } else if (t instanceof Trigger.NewcomerNoOrder) {
            m.put("days", ((Trigger.NewcomerNoOrder) t).days());
        } else if (t instanceof Trigger.StreakAtRisk) {
            m.put("minStreak", ((Trigger.StreakAtRisk) t).minStreak());
            m.put("at", ((Trigger.StreakAtRisk) t).at().toString());
        } else if (t instanceof Trigger.PointsExpiring) {
            if (((Trigger.PointsExpiring) t).days() != null) {
                m.put("days", ((Trigger.PointsExpiring) t).days());
            }
        } else if (!(t instanceof Trigger.Reactivated || t instanceof Trigger.Birthday
                || t instanceof Trigger.LevelUp || t instanceof Trigger.FeedbackResolved
                || t instanceof Trigger.ReferralRewarded)) {
            throw new IllegalArgumentException("unknown trigger " + t);
        }
        return m;
    }

    /** Convenience for literals: a map from alternating keys and values. */
    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    static List<Object> list(Object... items) {
        return List.of(items);
    }
}
