package com.mplifecycle.domain.stats;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import com.mplifecycle.domain.profile.CustomerProfile;

/**
 * D1/D7/D30 retention (and each day 1 to 30) by first-seen day, counted over profiles: a profile keeps its active days of
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
        cohorts.merge(first, RetentionCohort.empty(first).plus(n -> days.contains(d0 + n)), RetentionCohort::plus);
    }

    public void addAll(RetentionTally other) {
        other.cohorts.values().forEach(c -> cohorts.merge(c.day(), c, RetentionCohort::plus));
    }

    public List<RetentionCohort> cohorts() {
        return List.copyOf(cohorts.values());
    }
}
