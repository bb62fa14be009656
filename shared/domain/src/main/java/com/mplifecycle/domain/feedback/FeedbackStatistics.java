package com.mplifecycle.domain.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.mplifecycle.domain.lifecycle.Stage;

/**
 * The inbox's figures over the items of a range: counts by category and by status, how long
 * complaints took from received to resolved (median and 90th percentile, nearest rank, in hours),
 * complaints still {@code open} (not even acknowledged) {@link #OVERDUE} after they came in, and
 * feedback per 1,000 customers of each stage (the stage the customer was in when writing, over the
 * stage's customers at the last daily run): what declining customers say, relative to how many there are.
 */
public record FeedbackStatistics(Map<FeedbackCategory, Long> byCategory, Map<FeedbackStatus, Long> byStatus,
                                 Double complaintMedianHours, Double complaintP90Hours, long overdueOpenComplaints,
                                 Map<Stage, Long> byStage, Map<Stage, Double> perThousandCustomers) {
    /** An open complaint older than this is overdue. */
    public static final Duration OVERDUE = Duration.ofHours(48);

    public FeedbackStatistics {
        byCategory = Collections.unmodifiableMap(new EnumMap<>(byCategory));
        byStatus = Collections.unmodifiableMap(new EnumMap<>(byStatus));
        byStage = Collections.unmodifiableMap(new EnumMap<>(byStage));
        perThousandCustomers = Collections.unmodifiableMap(new EnumMap<>(perThousandCustomers));
    }

    /** @param customersByStage customers per stage (absent or 0: no rate for that stage) */
    public static FeedbackStatistics of(List<FeedbackItem> items, Map<Stage, Long> customersByStage, Instant now) {
        Map<FeedbackCategory, Long> byCategory = zeros(FeedbackCategory.class);
        Map<FeedbackStatus, Long> byStatus = zeros(FeedbackStatus.class);
        Map<Stage, Long> byStage = zeros(Stage.class);
        List<Double> hours = new ArrayList<>();
        long overdue = 0;
        for (FeedbackItem item : items) {
            byCategory.merge(item.category(), 1L, Long::sum);
            byStatus.merge(item.status(), 1L, Long::sum);
            if (item.stage() != null) {
                byStage.merge(item.stage(), 1L, Long::sum);
            }
            if (item.isComplaint() && item.resolvedAt() != null) {
                hours.add(Duration.between(item.receivedAt(), item.resolvedAt()).toMillis() / 3_600_000.0);
            }
            if (item.isComplaint() && item.status() == FeedbackStatus.OPEN
                    && !item.receivedAt().plus(OVERDUE).isAfter(now)) {
                overdue++;
            }
        }
        Collections.sort(hours);
        Map<Stage, Double> rates = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            long customers = customersByStage.getOrDefault(s, 0L);
            rates.put(s, customers <= 0 ? null : round(byStage.get(s) * 1000.0 / customers));
        }
        return new FeedbackStatistics(byCategory, byStatus, percentile(hours, 50), percentile(hours, 90), overdue,
                byStage, rates);
    }

    /** Nearest-rank percentile of sorted values, to 0.1; null without values. */
    static Double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return round(sorted.get(Math.max(rank, 1) - 1));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
        Map<E, Long> m = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            m.put(e, 0L);
        }
        return m;
    }
}
