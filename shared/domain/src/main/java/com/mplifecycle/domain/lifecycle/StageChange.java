package com.mplifecycle.domain.lifecycle;

import java.time.Instant;
import java.util.Objects;

/**
 * A move from one stage to another: the payload of {@code CustomerStageChanged}. {@code at} is
 * derived from the data (the triggering event's time or the threshold crossing), so folding the
 * same events again yields the same change.
 */
public record StageChange(String appId, String customerId, Stage from, Stage to, Instant at, String reason) {
    public StageChange {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
    }

    /** True when activity brought a lapsed customer back. */
    public boolean isReactivation() {
        return from != null && from.isLapsed() && !to.isLapsed();
    }
}
