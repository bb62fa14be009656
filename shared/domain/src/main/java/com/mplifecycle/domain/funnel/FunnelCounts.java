package com.mplifecycle.domain.funnel;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Customers who newly reached each funnel step, per local day: what a stream batch adds to the
 * app's day counters, one write per day instead of one per customer. Immutable.
 */
public record FunnelCounts(SortedMap<LocalDate, Map<FunnelStep, Long>> days) {
    public static final FunnelCounts NONE = new FunnelCounts(new TreeMap<>());

    public FunnelCounts {
        TreeMap<LocalDate, Map<FunnelStep, Long>> copy = new TreeMap<>();
        days.forEach((day, steps) -> copy.put(day, Collections.unmodifiableMap(copyOf(steps))));
        days = Collections.unmodifiableSortedMap(copy);
    }

    /** These counts plus one customer's newly reached steps per day. */
    public FunnelCounts plus(Map<LocalDate, List<FunnelStep>> reached) {
        TreeMap<LocalDate, Map<FunnelStep, Long>> sum = new TreeMap<>();
        days.forEach((day, steps) -> sum.put(day, copyOf(steps)));
        reached.forEach((day, steps) -> steps.forEach(step -> sum
                .computeIfAbsent(day, d -> new EnumMap<>(FunnelStep.class)).merge(step, 1L, Long::sum)));
        return new FunnelCounts(sum);
    }

    /** These counts plus others. */
    public FunnelCounts plus(FunnelCounts other) {
        TreeMap<LocalDate, Map<FunnelStep, Long>> sum = new TreeMap<>();
        days.forEach((day, steps) -> sum.put(day, copyOf(steps)));
        other.days.forEach((day, steps) -> steps.forEach((step, n) -> sum
                .computeIfAbsent(day, d -> new EnumMap<>(FunnelStep.class)).merge(step, n, Long::sum)));
        return new FunnelCounts(sum);
    }

    private static EnumMap<FunnelStep, Long> copyOf(Map<FunnelStep, Long> steps) {
        EnumMap<FunnelStep, Long> copy = new EnumMap<>(FunnelStep.class);
        copy.putAll(steps);
        return copy;
    }
}
