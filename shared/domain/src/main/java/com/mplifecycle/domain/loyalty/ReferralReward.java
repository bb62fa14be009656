package com.mplifecycle.domain.loyalty;

import java.time.Instant;
import java.util.Objects;

/**
 * A sharer's latest referral reward: for bringing {@code referredId}, recorded at {@code at}. What the
 * {@code referral_rewarded} campaign trigger reads (through the profile's loyalty status), one occurrence
 * per referred customer.
 */
public record ReferralReward(String referredId, Instant at) {
    public ReferralReward {
        Objects.requireNonNull(referredId, "referredId");
        Objects.requireNonNull(at, "at");
    }
}
