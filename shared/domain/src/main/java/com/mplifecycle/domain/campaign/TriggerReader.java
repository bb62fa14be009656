package com.mplifecycle.domain.campaign;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import com.mplifecycle.domain.input.FieldError;
import com.mplifecycle.domain.input.JsonFields;
import com.mplifecycle.domain.lifecycle.Stage;

/** Reads the {@code trigger} object of a campaign; defaults are the product's (docs/product.md, Campaigns). */
final class TriggerReader {
    static final List<String> TYPES = List.of("stage_entered", "reactivated", "inactive", "cart_abandoned",
            "after_first_order", "newcomer_no_order", "birthday", "streak_at_risk", "points_expiring", "level_up",
            "feedback_resolved", "referral_rewarded");

    private TriggerReader() {
    }

    static Trigger read(Optional<JsonFields> json, List<FieldError> errors) {
        if (json.isEmpty()) {
            return null;
        }
        JsonFields t = json.get();
        String type = t.string("type", true, 32);
        if (type == null) {
            return null;
        }
        switch (type) {
            case "stage_entered": {
                Stage stage = t.raw("stage") == null ? null : t.constant("stage", t.raw("stage"), Stage.class);
                if (t.raw("stage") == null) {
                    errors.add(new FieldError("trigger.stage", "is required"));
                }
                return stage == null ? null : new Trigger.StageEntered(stage);
            }
            case "reactivated":
                return new Trigger.Reactivated();
            case "inactive":
                return new Trigger.Inactive(t.integer("days", 3, 1, 365));
            case "cart_abandoned":
                return new Trigger.CartAbandoned(t.integer("hours", 2, 1, 720));
            case "after_first_order":
                return new Trigger.AfterFirstOrder(t.integer("days", 3, 1, 365));
            case "newcomer_no_order":
                return new Trigger.NewcomerNoOrder(t.integer("days", 1, 1, 365));
            case "birthday":
                return new Trigger.Birthday();
            case "points_expiring":
                // without days, the app's loyalty.expiringNoticeDays (one setting for the notice)
                return new Trigger.PointsExpiring(t.has("days") ? t.integer("days", 7, 1, 365) : null);
            case "level_up":
                return new Trigger.LevelUp();
            case "feedback_resolved":
                return new Trigger.FeedbackResolved();
            case "referral_rewarded":
                return new Trigger.ReferralRewarded();
            case "streak_at_risk":
                return new Trigger.StreakAtRisk(t.integer("minStreak", 3, 1, 3650), time(t, errors));
            default:
                errors.add(new FieldError("trigger.type", "unknown trigger '" + type + "'; one of " + TYPES));
                return null;
        }
    }

    private static LocalTime time(JsonFields t, List<FieldError> errors) {
        String at = t.string("at", false, 5);
        try {
            return at == null ? LocalTime.of(20, 0) : LocalTime.parse(at);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("trigger.at", "must be a time like 20:00"));
            return LocalTime.of(20, 0);
        }
    }
}
