package com.mplifecycle.domain.stats;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the scheduled run counted over an app's profiles besides RFM: retention cohorts and
 * repurchase by first-order month, as of {@code computedAt}.
 */
public record CustomerStatistics(String appId, Instant computedAt, List<RetentionCohort> retention,
                                 List<RepurchaseMonth> repurchase) {
    public CustomerStatistics {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(computedAt, "computedAt");
        retention = List.copyOf(retention);
        repurchase = List.copyOf(repurchase);
    }
}
