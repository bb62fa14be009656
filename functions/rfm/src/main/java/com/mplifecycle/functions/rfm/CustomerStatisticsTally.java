package com.mplifecycle.functions.rfm;

import java.time.Instant;
import java.time.LocalDate;

import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.stats.CustomerStatistics;
import com.mplifecycle.domain.stats.RepurchaseTally;
import com.mplifecycle.domain.stats.RetentionTally;

/**
 * Retention and repurchase of one app, counted over the profiles as pass 2 leaves them (so erased
 * customers drop out at the next run). Thread-safe: the scan workers of one app share it.
 */
final class CustomerStatisticsTally {
    /** Cohorts kept in the stored document: a little over a year of first-seen days. */
    static final int COHORT_DAYS_KEPT = 400;

    private final String appId;
    private final Instant now;
    private final RetentionTally retention;
    private final RepurchaseTally repurchase;

    CustomerStatisticsTally(AppSettings settings, Instant now) {
        this.appId = settings.appId();
        this.now = now;
        this.retention = new RetentionTally(settings.timeZone(), LocalDate.ofInstant(now, settings.timeZone()),
                COHORT_DAYS_KEPT);
        this.repurchase = new RepurchaseTally(settings.timeZone());
    }

    synchronized void add(CustomerProfile p) {
        retention.add(p);
        repurchase.add(p);
    }

    synchronized CustomerStatistics result() {
        return new CustomerStatistics(appId, now, retention.cohorts(), repurchase.months());
    }
}
