package com.mplifecycle.domain.profile;

import java.time.Instant;
import java.util.Objects;

/**
 * The last push decision for this customer (a send, or a holdout decision without a send), kept
 * so that an {@code order_paid} within the attribution window converts it. {@code convertedOrderId}
 * and {@code convertedAt} are set once, by the first such order (null until then).
 */
public record LastPush(String campaignId, String variant, boolean holdout, Instant at, String occurrence,
                       String convertedOrderId, Instant convertedAt) {
    public LastPush {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(at, "at");
    }

    /** A decision not converted yet. */
    public static LastPush of(String campaignId, String variant, boolean holdout, Instant at, String occurrence) {
        return new LastPush(campaignId, variant, holdout, at, occurrence, null, null);
    }

    public boolean isConverted() {
        return convertedOrderId != null;
    }

    public LastPush convertedBy(String orderId, Instant paidAt) {
        return new LastPush(campaignId, variant, holdout, at, occurrence, orderId, paidAt);
    }
}
