package com.mplifecycle.domain.rfm;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Frozen pass-1 statistics over the buyers of one window: plain values that can be stored
 * and later scored against ({@link RfmScorer#from}) or merged again
 * ({@link RfmStatistics#from}). Its size depends on the window and the spread of values,
 * never on the number of customers.
 *
 * @param windowDays        the window length the values were taken over
 * @param buyers            customers with at least one paid order in the window
 * @param recencyDaysSum    sum of R over buyers, for the exact mean
 * @param frequencySum      sum of F over buyers
 * @param monetaryFenSum    sum of M over buyers
 * @param recencyDayCounts  buyers per exact R (days)
 * @param frequencyCounts   buyers per exact F
 * @param monetaryBinCounts buyers per {@link MonetaryBin} of M
 */
public record RfmStatisticsSnapshot(
        int windowDays,
        long buyers,
        long recencyDaysSum,
        long frequencySum,
        long monetaryFenSum,
        SortedMap<Integer, Long> recencyDayCounts,
        SortedMap<Integer, Long> frequencyCounts,
        SortedMap<Integer, Long> monetaryBinCounts) {

    public RfmStatisticsSnapshot {
        if (windowDays < 1) {
            throw new IllegalArgumentException("windowDays must be >= 1: " + windowDays);
        }
        if (buyers < 0 || recencyDaysSum < 0 || frequencySum < 0 || monetaryFenSum < 0) {
            throw new IllegalArgumentException("counts and sums must be >= 0");
        }
        recencyDayCounts = copyChecked(recencyDayCounts, buyers, "recencyDayCounts");
        frequencyCounts = copyChecked(frequencyCounts, buyers, "frequencyCounts");
        monetaryBinCounts = copyChecked(monetaryBinCounts, buyers, "monetaryBinCounts");
        if (!recencyDayCounts.isEmpty()
                && (recencyDayCounts.firstKey() < 0 || recencyDayCounts.lastKey() >= windowDays)) {
            throw new IllegalArgumentException("recency days outside 0.." + (windowDays - 1));
        }
        if (!frequencyCounts.isEmpty() && frequencyCounts.firstKey() < 1) {
            throw new IllegalArgumentException("a buyer has at least one order");
        }
    }

    public double meanRecencyDays() {
        return mean(recencyDaysSum);
    }

    public double meanFrequency() {
        return mean(frequencySum);
    }

    public double meanMonetaryFen() {
        return mean(monetaryFenSum);
    }

    private double mean(long sum) {
        return buyers == 0 ? Double.NaN : (double) sum / buyers;
    }

    private static SortedMap<Integer, Long> copyChecked(
            Map<Integer, Long> counts, long buyers, String name) {
        TreeMap<Integer, Long> copy = new TreeMap<>(counts);
        long total = 0;
        for (Map.Entry<Integer, Long> entry : copy.entrySet()) {
            if (entry.getKey() < 0 || entry.getValue() <= 0) {
                throw new IllegalArgumentException(name + " has a bad entry: " + entry);
            }
            total += entry.getValue();
        }
        if (total != buyers) {
            throw new IllegalArgumentException(name + " counts " + total + " buyers, not " + buyers);
        }
        return Collections.unmodifiableSortedMap(copy);
    }
}
