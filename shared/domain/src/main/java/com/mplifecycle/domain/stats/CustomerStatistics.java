package com.mplifecycle.domain.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the scheduled run counted over an app's profiles besides RFM: retention cohorts and
 * repurchase by first-order month, as of {@code computedAt}. Counts of disjoint sets of
 * customers (the slices of a fanned-out run) add up with {@link #plus}.
 */
public record CustomerStatistics(String appId, Instant computedAt, List<RetentionCohort> retention,
                                 List<RepurchaseMonth> repurchase) {
    public CustomerStatistics {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(computedAt, "computedAt");
        retention = List.copyOf(retention);
        repurchase = List.copyOf(repurchase);
    }

    /** The counts of both, cohort by cohort and month by month; app and time must be the same. */
    public CustomerStatistics plus(CustomerStatistics other) {
        if (!appId.equals(other.appId) || !computedAt.equals(other.computedAt)) {
            throw new IllegalArgumentException("cannot add statistics of another app or run");
        }
        TreeMap<LocalDate, RetentionCohort> cohorts = new TreeMap<>();
        for (RetentionCohort c : concat(retention, other.retention)) {
            cohorts.merge(c.day(), c, RetentionCohort::plus);
        }
        TreeMap<YearMonth, RepurchaseMonth> months = new TreeMap<>();
        for (RepurchaseMonth m : concat(repurchase, other.repurchase)) {
            months.merge(m.month(), m, (a, b) -> new RepurchaseMonth(a.month(), a.buyers() + b.buyers(),
                    a.repeatBuyers() + b.repeatBuyers()));
        }
        return new CustomerStatistics(appId, computedAt, List.copyOf(cohorts.values()), List.copyOf(months.values()));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
