package com.mplifecycle.domain.stats;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import com.mplifecycle.domain.profile.CustomerProfile;

/**
 * D1/D7/D30 retention by first-seen day, counted over profiles: a profile keeps its active days of
 * the first 31 days after first seen for exactly this. Cohorts older than {@code keptDays} before
 * {@code today} are left out to bound the stored document. Not thread-safe.
 */
public final class RetentionTally {
    private final ZoneId zone;
    private final LocalDate oldest;
    private final TreeMap<LocalDate, RetentionCohort> cohorts = new TreeMap<>();

    public RetentionTally(ZoneId zone, LocalDate today, int keptDays) {
        this.zone = zone;
        this.oldest = today.minusDays(keptDays);
    }

    public void add(CustomerProfile p) {
        if (p.firstSeenAt() == null) {
            return;
        }
        LocalDate first = LocalDate.ofInstant(p.firstSeenAt(), zone);
        if (first.isBefore(oldest)) {
            return;
        }
        Set<Integer> days = Set.copyOf(p.activeDays());
        int d0 = (int) first.toEpochDay();
        cohorts.merge(first, new RetentionCohort(first, 0, 0, 0, 0).plus(days.contains(d0 + 1),
                days.contains(d0 + 7), days.contains(d0 + 30)), RetentionTally::sum);
    }

    public void addAll(RetentionTally other) {
        other.cohorts.values().forEach(c -> cohorts.merge(c.day(), c, RetentionTally::sum));
    }

    public List<RetentionCohort> cohorts() {
        return List.copyOf(cohorts.values());
    }

    private static RetentionCohort sum(RetentionCohort a, RetentionCohort b) {
        return new RetentionCohort(a.day(), a.size() + b.size(), a.d1() + b.d1(), a.d7() + b.d7(), a.d30() + b.d30());
    }
}
