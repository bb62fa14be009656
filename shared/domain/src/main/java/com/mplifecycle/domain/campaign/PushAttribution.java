package com.mplifecycle.domain.campaign;

import java.time.Duration;
import java.time.Instant;

import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.LastPush;

/**
 * Conversion for lift: a paid order within {@link #WINDOW} after a push decision (send or holdout)
 * converts the last decision before it, once. Called by the lifecycle fold for each newly paid order,
 * so a redelivered {@code order_paid} (already folded) cannot convert twice.
 */
public final class PushAttribution {
    public static final Duration WINDOW = Duration.ofDays(7);

    private PushAttribution() {
    }

    public static CustomerProfile afterOrder(CustomerProfile p, String orderId, Instant paidAt) {
        LastPush push = p.lastPush();
        if (push == null || push.isConverted() || paidAt.isBefore(push.at()) || !paidAt.isBefore(push.at().plus(WINDOW))) {
            return p;
        }
        return p.toBuilder().lastPush(push.convertedBy(orderId, paidAt)).build();
    }
}
