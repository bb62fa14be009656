package com.mplifecycle.domain.lifecycle;

/**
 * Per-app thresholds of the stage rules. {@link #DEFAULTS} are the product's defaults.
 *
 * @param newDays days a never-promoted customer counts as new
 * @param activeWindowDays the window of the "distinct active days" rules
 * @param growingActiveDays distinct active days in the window that make a customer GROWING
 * @param growingOrders paid orders that make a customer GROWING
 * @param matureActiveDays distinct active days in the window that make a customer MATURE
 * @param matureOrders paid orders that make a customer MATURE
 * @param decliningInactiveDays inactivity that moves GROWING/MATURE to DECLINING
 * @param churnedInactiveDays inactivity that moves anyone to CHURNED
 * @param decliningPAlive probability alive under which a fitted model moves GROWING/MATURE to DECLINING
 * @param churnedPAlive probability alive under which a fitted model moves anyone to CHURNED
 */
public record LifecycleThresholds(int newDays, int activeWindowDays, int growingActiveDays, int growingOrders,
                                  int matureActiveDays, int matureOrders, int decliningInactiveDays,
                                  int churnedInactiveDays, double decliningPAlive, double churnedPAlive) {
    public static final LifecycleThresholds DEFAULTS = new LifecycleThresholds(7, 30, 3, 1, 10, 2, 14, 60, 0.5, 0.1);

    public LifecycleThresholds {
        requirePositive(newDays, "newDays");
        requirePositive(activeWindowDays, "activeWindowDays");
        requirePositive(growingActiveDays, "growingActiveDays");
        requirePositive(growingOrders, "growingOrders");
        requirePositive(matureActiveDays, "matureActiveDays");
        requirePositive(matureOrders, "matureOrders");
        requirePositive(decliningInactiveDays, "decliningInactiveDays");
        requirePositive(churnedInactiveDays, "churnedInactiveDays");
        if (matureActiveDays < growingActiveDays || matureOrders < growingOrders) {
            throw new IllegalArgumentException("mature thresholds must not be below growing thresholds");
        }
        if (churnedInactiveDays <= decliningInactiveDays) {
            throw new IllegalArgumentException("churnedInactiveDays must be greater than decliningInactiveDays");
        }
        if (activeWindowDays > 60) {
            throw new IllegalArgumentException("activeWindowDays must be at most 60 (the profile keeps 60 days)");
        }
        if (!(churnedPAlive > 0 && churnedPAlive < decliningPAlive && decliningPAlive < 1)) {
            throw new IllegalArgumentException("need 0 < churnedPAlive < decliningPAlive < 1");
        }
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
    }
}
