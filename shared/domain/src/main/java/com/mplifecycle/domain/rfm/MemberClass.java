package com.mplifecycle.domain.rfm;

/**
 * Member class by days since the last paid order. Months are counted as day counts so that
 * the rule does not depend on month lengths: 3 months = 90 days, 6 = 180, 12 = 365.
 */
public enum MemberClass {
    /** Last order within 90 days (0..90). */
    HONEYMOON,
    /** Last order 91..180 days ago. */
    ACTIVE,
    /** Last order 181..365 days ago. */
    LAPSING,
    /** Last order more than 365 days ago. */
    DORMANT;

    static final int HONEYMOON_MAX_DAYS = 90;
    static final int ACTIVE_MAX_DAYS = 180;
    static final int LAPSING_MAX_DAYS = 365;

    public static MemberClass ofRecencyDays(long daysSinceLastOrder) {
        if (daysSinceLastOrder < 0) {
            throw new IllegalArgumentException("days must be >= 0: " + daysSinceLastOrder);
        }
        if (daysSinceLastOrder <= HONEYMOON_MAX_DAYS) {
            return HONEYMOON;
        }
        if (daysSinceLastOrder <= ACTIVE_MAX_DAYS) {
            return ACTIVE;
        }
        return daysSinceLastOrder <= LAPSING_MAX_DAYS ? LAPSING : DORMANT;
    }
}
