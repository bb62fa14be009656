package com.mplifecycle.domain.rfm;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Pass 1 of RFM scoring: accumulates what the scorer needs (counts, sums for the means,
 * histograms of R, F and binned M) one buyer at a time. Memory is bounded by the window
 * length and the number of distinct F values and M bins, not by the number of customers.
 * Accumulators of separate scan workers or slices combine with {@link #merge}; the result is the same
 * as one pass over all buyers, in any order.
 *
 * <p>Mutable and not thread-safe: use one per scan worker, then merge.
 */
public final class RfmStatistics {

    private final int windowDays;
    private final long[] recencyDayCounts;
    private final TreeMap<Integer, Long> frequencyCounts = new TreeMap<>();
    private final TreeMap<Integer, Long> monetaryBinCounts = new TreeMap<>();
    private long buyers;
    private long recencyDaysSum;
    private long frequencySum;
    private long monetaryFenSum;

    private RfmStatistics(int windowDays) {
        if (windowDays < 1) {
            throw new IllegalArgumentException("windowDays must be >= 1: " + windowDays);
        }
        this.windowDays = windowDays;
        this.recencyDayCounts = new long[windowDays];
    }

    public static RfmStatistics create(int windowDays) {
        return new RfmStatistics(windowDays);
    }

    public static RfmStatistics create(RfmWindow window) {
        return new RfmStatistics(window.days());
    }

    /** An accumulator that continues from stored statistics. */
    public static RfmStatistics from(RfmStatisticsSnapshot snapshot) {
        RfmStatistics statistics = new RfmStatistics(snapshot.windowDays());
        statistics.addAll(snapshot);
        return statistics;
    }

    public void add(RfmValues values) {
        if (values.recencyDays() >= windowDays) {
            throw new IllegalArgumentException(
                    "recency " + values.recencyDays() + " outside a " + windowDays + "-day window");
        }
        buyers++;
        recencyDaysSum += values.recencyDays();
        frequencySum = Math.addExact(frequencySum, values.frequency());
        monetaryFenSum = Math.addExact(monetaryFenSum, values.monetaryFen());
        recencyDayCounts[values.recencyDays()]++;
        frequencyCounts.merge(values.frequency(), 1L, Long::sum);
        monetaryBinCounts.merge(MonetaryBin.of(values.monetaryFen()), 1L, Long::sum);
    }

    /** Adds everything {@code other} has seen to this accumulator and returns this. */
    public RfmStatistics merge(RfmStatistics other) {
        addAll(other.freeze());
        return this;
    }

    public long buyers() {
        return buyers;
    }

    public RfmStatisticsSnapshot freeze() {
        SortedMap<Integer, Long> recency = new TreeMap<>();
        for (int days = 0; days < windowDays; days++) {
            if (recencyDayCounts[days] > 0) {
                recency.put(days, recencyDayCounts[days]);
            }
        }
        return new RfmStatisticsSnapshot(windowDays, buyers, recencyDaysSum, frequencySum,
                monetaryFenSum, recency, frequencyCounts, monetaryBinCounts);
    }

    private void addAll(RfmStatisticsSnapshot snapshot) {
        if (snapshot.windowDays() != windowDays) {
            throw new IllegalArgumentException("cannot merge a " + snapshot.windowDays()
                    + "-day window into a " + windowDays + "-day one");
        }
        buyers = Math.addExact(buyers, snapshot.buyers());
        recencyDaysSum = Math.addExact(recencyDaysSum, snapshot.recencyDaysSum());
        frequencySum = Math.addExact(frequencySum, snapshot.frequencySum());
        monetaryFenSum = Math.addExact(monetaryFenSum, snapshot.monetaryFenSum());
        for (Map.Entry<Integer, Long> entry : snapshot.recencyDayCounts().entrySet()) {
            recencyDayCounts[entry.getKey()] += entry.getValue();
        }
        snapshot.frequencyCounts().forEach((key, count) -> frequencyCounts.merge(key, count, Long::sum));
        snapshot.monetaryBinCounts().forEach((key, count) -> monetaryBinCounts.merge(key, count, Long::sum));
    }
}
