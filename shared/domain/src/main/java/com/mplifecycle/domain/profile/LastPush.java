package com.mplifecycle.domain.profile;

import java.time.Instant;
import java.util.Objects;

/**
 * The last push decision for this customer (a send, or a holdout decision without a send), kept
 * so that an {@code order_paid} within the attribution window converts it.
 */
public record LastPush(String campaignId, String variant, boolean holdout, Instant at, String occurrence) {
    public LastPush {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(at, "at");
    }
}
