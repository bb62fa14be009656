package com.mplifecycle.domain.app;

import java.time.ZoneId;
import java.util.Objects;

import com.mplifecycle.domain.lifecycle.LifecycleThresholds;

/** One app's configuration: its time zone (for days, birthdays, quiet hours) and thresholds. */
public record AppSettings(String appId, ZoneId timeZone, LifecycleThresholds lifecycle) {
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    public AppSettings {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(lifecycle, "lifecycle");
    }

    public static AppSettings defaults(String appId) {
        return new AppSettings(appId, DEFAULT_ZONE, LifecycleThresholds.DEFAULTS);
    }
}
