package com.mplifecycle.domain.profile;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What campaigns need of a customer's points account, kept in the profile because triggers read the
 * profile only (the account, ledger, check-ins and redemptions stay out of it): the level reached by
 * the level, when it last went up ({@code level_up}), the next expiry ({@code points_expiring}), and the
 * latest referral reward as a sharer: for whom and when ({@code referral_rewarded}).
 * Written by the loyalty function when one of them changes; a few dozen bytes.
 */
public record LoyaltyStatus(String level, Instant levelUpAt, LocalDate nextExpiryOn, long nextExpiryPoints,
                            String referralRewardFor, Instant referralRewardAt) {
    public static final LoyaltyStatus NONE = new LoyaltyStatus(null, null, null, 0, null, null);
}
