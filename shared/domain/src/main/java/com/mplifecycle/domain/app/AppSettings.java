package com.mplifecycle.domain.app;

import java.time.ZoneId;
import java.util.Objects;

import com.mplifecycle.domain.lifecycle.LifecycleThresholds;

/**
 * One app's configuration: its time zone (for days, birthdays, quiet hours), lifecycle thresholds
 * and push limits. {@code push} is null in settings stored before it existed and when never set;
 * campaign code reads it through {@link #pushLimits()}, which falls back to the defaults.
 */
public record AppSettings(String appId, ZoneId timeZone, LifecycleThresholds lifecycle, PushLimits push) {
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    public AppSettings {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(lifecycle, "lifecycle");
    }

    /** Settings without push limits of their own (the defaults apply). */
    public AppSettings(String appId, ZoneId timeZone, LifecycleThresholds lifecycle) {
        this(appId, timeZone, lifecycle, null);
    }

    public static AppSettings defaults(String appId) {
        return new AppSettings(appId, DEFAULT_ZONE, LifecycleThresholds.DEFAULTS, PushLimits.DEFAULTS);
    }

    /** The push limits in force: the app's own, or {@link PushLimits#DEFAULTS}. */
    public PushLimits pushLimits() {
        return push == null ? PushLimits.DEFAULTS : push;
    }
}
