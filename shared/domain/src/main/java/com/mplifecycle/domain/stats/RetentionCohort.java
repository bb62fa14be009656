package com.mplifecycle.domain.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The customers first seen on one local day and how many of them were active on exactly the 1st,
 * 7th and 30th day after it, and on each day 1 to 30 ({@code days}, index n-1 for day n: the cohort
 * triangle). A day that has not come yet counts nobody. Documents stored before {@code days}
 * existed read it as empty.
 */
public record RetentionCohort(LocalDate day, long size, long d1, long d7, long d30, List<Long> days) {
    /** Days after first seen that {@code days} covers (a profile keeps its first 31 active days). */
    public static final int DAYS = 30;

    public RetentionCohort {
        Objects.requireNonNull(day, "day");
        days = days == null ? List.of() : List.copyOf(days);
    }

    public static RetentionCohort empty(LocalDate day) {
        return new RetentionCohort(day, 0, 0, 0, 0, List.of());
    }

    /** One more customer, active on the days after first seen that {@code activeOn} says. */
    RetentionCohort plus(java.util.function.IntPredicate activeOn) {
        List<Long> next = new ArrayList<>(DAYS);
        for (int n = 1; n <= DAYS; n++) {
            next.add((n <= days.size() ? days.get(n - 1) : 0L) + (activeOn.test(n) ? 1 : 0));
        }
        return new RetentionCohort(day, size + 1, d1 + (activeOn.test(1) ? 1 : 0), d7 + (activeOn.test(7) ? 1 : 0),
                d30 + (activeOn.test(30) ? 1 : 0), next);
    }

    /** The counts of two disjoint sets of customers of the same first-seen day. */
    RetentionCohort plus(RetentionCohort other) {
        List<Long> sum = new ArrayList<>();
        for (int i = 0; i < Math.max(days.size(), other.days.size()); i++) {
            sum.add((i < days.size() ? days.get(i) : 0L) + (i < other.days.size() ? other.days.get(i) : 0L));
        }
        return new RetentionCohort(day, size + other.size, d1 + other.d1, d7 + other.d7, d30 + other.d30, sum);
    }
}
