package com.mplifecycle.domain.app;

import java.time.ZoneId;
import java.util.Objects;

import com.mplifecycle.domain.lifecycle.LifecycleThresholds;

/**
 * One app's configuration: its time zone (for days, birthdays, quiet hours), lifecycle thresholds,
 * push limits and abuse limits. {@code push} and {@code limits} are null in settings stored before
 * they existed and when never set; code reads them through {@link #pushLimits()} and
 * {@link #abuseLimits()}, which fall back to the defaults.
 */
public record AppSettings(String appId, ZoneId timeZone, LifecycleThresholds lifecycle, PushLimits push,
                          AbuseLimits limits) {
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    public AppSettings {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(lifecycle, "lifecycle");
    }

    /** Settings without push or abuse limits of their own (the defaults apply). */
    public AppSettings(String appId, ZoneId timeZone, LifecycleThresholds lifecycle) {
        this(appId, timeZone, lifecycle, null, null);
    }

    /** Settings without abuse limits of their own (the defaults apply). */
    public AppSettings(String appId, ZoneId timeZone, LifecycleThresholds lifecycle, PushLimits push) {
        this(appId, timeZone, lifecycle, push, null);
    }

    public static AppSettings defaults(String appId) {
        return new AppSettings(appId, DEFAULT_ZONE, LifecycleThresholds.DEFAULTS, PushLimits.DEFAULTS, null);
    }

    /** The push limits in force: the app's own, or {@link PushLimits#DEFAULTS}. */
    public PushLimits pushLimits() {
        return push == null ? PushLimits.DEFAULTS : push;
    }

    /** The abuse limits in force: the app's own, or {@link AbuseLimits#DEFAULTS}. */
    public AbuseLimits abuseLimits() {
        return limits == null ? AbuseLimits.DEFAULTS : limits;
    }
}
