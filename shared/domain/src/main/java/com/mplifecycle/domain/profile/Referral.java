package com.mplifecycle.domain.profile;

import java.time.Instant;
import java.util.Objects;

/**
 * Who brought this customer: the sharer whose share the customer was first seen through, the
 * share, and when the customer opened it. Set once; the first attribution wins.
 */
public record Referral(String sharerId, String shareId, Instant at) {
    public Referral {
        Objects.requireNonNull(sharerId, "sharerId");
        Objects.requireNonNull(shareId, "shareId");
        Objects.requireNonNull(at, "at");
    }
}
