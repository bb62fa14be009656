package com.mplifecycle.domain.app;

import java.time.ZoneId;
import java.util.Objects;

import com.mplifecycle.domain.lifecycle.LifecycleThresholds;
import com.mplifecycle.domain.loyalty.LoyaltySettings;
import com.mplifecycle.domain.loyalty.OrderSettings;

/**
 * One app's configuration: its time zone (for days, birthdays, quiet hours), lifecycle thresholds,
 * push limits and abuse limits. {@code push} and {@code limits} are null in settings stored before
 * they existed and when never set; code reads them through {@link #pushLimits()} and
 * {@link #abuseLimits()}, which fall back to the defaults. {@code orders} (where orders come from)
 * and {@code loyalty} (points and levels) are null likewise and read through
 * {@link #orderSettings()} and {@link #loyaltySettings()}.
 */
public record AppSettings(String appId, ZoneId timeZone, LifecycleThresholds lifecycle, PushLimits push,
                          OrderSettings orders, LoyaltySettings loyalty, AbuseLimits limits) {
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    public AppSettings {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(lifecycle, "lifecycle");
    }

    /** Settings without push, order, loyalty or abuse limits of their own (the defaults apply). */
    public AppSettings(String appId, ZoneId timeZone, LifecycleThresholds lifecycle) {
        this(appId, timeZone, lifecycle, null, null, null, null);
    }

    /** Settings without order, loyalty or abuse limits of their own (the defaults apply). */
    public AppSettings(String appId, ZoneId timeZone, LifecycleThresholds lifecycle, PushLimits push) {
        this(appId, timeZone, lifecycle, push, null, null, null);
    }

    /** Settings with abuse limits, without order or loyalty settings of their own. */
    public AppSettings(String appId, ZoneId timeZone, LifecycleThresholds lifecycle, PushLimits push,
                       AbuseLimits limits) {
        this(appId, timeZone, lifecycle, push, null, null, limits);
    }

    public static AppSettings defaults(String appId) {
        return new AppSettings(appId, DEFAULT_ZONE, LifecycleThresholds.DEFAULTS, PushLimits.DEFAULTS, null, null, null);
    }

    /** The push limits in force: the app's own, or {@link PushLimits#DEFAULTS}. */
    public PushLimits pushLimits() {
        return push == null ? PushLimits.DEFAULTS : push;
    }

    /** Where orders come from: the app's own setting, or {@link OrderSettings#DEFAULTS}. */
    public OrderSettings orderSettings() {
        return orders == null ? OrderSettings.DEFAULTS : orders;
    }

    /** The earning rules and levels in force: the app's own, or {@link LoyaltySettings#DEFAULTS}. */
    public LoyaltySettings loyaltySettings() {
        return loyalty == null ? LoyaltySettings.DEFAULTS : loyalty;
    }

    public AppSettings withOrders(OrderSettings v) {
        return new AppSettings(appId, timeZone, lifecycle, push, v, loyalty, limits);
    }

    public AppSettings withLoyalty(LoyaltySettings v) {
        return new AppSettings(appId, timeZone, lifecycle, push, orders, v, limits);
    }

    /** The abuse limits in force: the app's own, or {@link AbuseLimits#DEFAULTS}. */
    public AbuseLimits abuseLimits() {
        return limits == null ? AbuseLimits.DEFAULTS : limits;
    }
}
