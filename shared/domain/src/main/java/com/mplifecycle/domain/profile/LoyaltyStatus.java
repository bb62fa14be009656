package com.mplifecycle.domain.profile;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What campaigns need of a customer's points account, kept in the profile because triggers read the
 * profile only (the account, ledger, check-ins and redemptions stay out of it): the level reached by
 * the level, when it last went up ({@code level_up}), the next expiry ({@code points_expiring}), the
 * latest referral reward as a sharer: for whom and when ({@code referral_rewarded}), and how many days
 * before an expiry the app warns (its setting {@code loyalty.expiringNoticeDays}; 0 in statuses written
 * before it was kept). Written by the loyalty function when one of them changes; a few dozen bytes.
 */
public record LoyaltyStatus(String level, Instant levelUpAt, LocalDate nextExpiryOn, long nextExpiryPoints,
                            String referralRewardFor, Instant referralRewardAt, int noticeDays) {
    public static final LoyaltyStatus NONE = new LoyaltyStatus(null, null, null, 0, null, null, 0);
    /** The notice of a status written before it kept the app's: the default setting. */
    public static final int DEFAULT_NOTICE_DAYS = 7;

    /** Days before the next expiry that {@code points_expiring} campaigns without days of their own warn. */
    public int noticeDaysInForce() {
        return noticeDays > 0 ? noticeDays : DEFAULT_NOTICE_DAYS;
    }
}
