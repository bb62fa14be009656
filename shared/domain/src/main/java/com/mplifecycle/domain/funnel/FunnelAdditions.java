package com.mplifecycle.domain.funnel;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Customers (as {@link FunnelReach#memberOf} values) who newly reached each funnel step, per local
 * day: what a stream batch adds to the app's day sets, one write per day and shard instead of one
 * per customer. Immutable.
 */
public record FunnelAdditions(SortedMap<LocalDate, Map<FunnelStep, Set<Long>>> days) {
    public static final FunnelAdditions NONE = new FunnelAdditions(new TreeMap<>());

    public FunnelAdditions {
        TreeMap<LocalDate, Map<FunnelStep, Set<Long>>> copy = new TreeMap<>();
        days.forEach((day, steps) -> {
            EnumMap<FunnelStep, Set<Long>> s = new EnumMap<>(FunnelStep.class);
            steps.forEach((step, members) -> s.put(step, Collections.unmodifiableSet(new TreeSet<>(members))));
            copy.put(day, Collections.unmodifiableMap(s));
        });
        days = Collections.unmodifiableSortedMap(copy);
    }

    /** These additions plus one customer's newly reached steps per day. */
    public FunnelAdditions plus(String customerId, Map<LocalDate, List<FunnelStep>> reached) {
        long member = FunnelReach.memberOf(customerId);
        TreeMap<LocalDate, Map<FunnelStep, Set<Long>>> sum = mutableCopy();
        reached.forEach((day, steps) -> steps.forEach(step -> sum.computeIfAbsent(day, d -> new EnumMap<>(FunnelStep.class))
                .computeIfAbsent(step, x -> new TreeSet<>()).add(member)));
        return new FunnelAdditions(sum);
    }

    /** These additions plus others. */
    public FunnelAdditions plus(FunnelAdditions other) {
        TreeMap<LocalDate, Map<FunnelStep, Set<Long>>> sum = mutableCopy();
        other.days.forEach((day, steps) -> steps.forEach((step, members) -> sum
                .computeIfAbsent(day, d -> new EnumMap<>(FunnelStep.class))
                .computeIfAbsent(step, x -> new TreeSet<>()).addAll(members)));
        return new FunnelAdditions(sum);
    }

    private TreeMap<LocalDate, Map<FunnelStep, Set<Long>>> mutableCopy() {
        TreeMap<LocalDate, Map<FunnelStep, Set<Long>>> copy = new TreeMap<>();
        days.forEach((day, steps) -> {
            EnumMap<FunnelStep, Set<Long>> s = new EnumMap<>(FunnelStep.class);
            steps.forEach((step, members) -> s.put(step, new TreeSet<>(members)));
            copy.put(day, s);
        });
        return copy;
    }
}
