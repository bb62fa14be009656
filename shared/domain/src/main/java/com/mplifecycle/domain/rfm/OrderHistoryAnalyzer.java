package com.mplifecycle.domain.rfm;

import com.mplifecycle.domain.churn.BgNbdModel;
import com.mplifecycle.domain.churn.BgNbdParameters;
import com.mplifecycle.domain.churn.RepeatSummary;
import com.mplifecycle.domain.churn.RepeatSummarySample;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The offline analysis of an imported order history: RFM segments, value tiers and member
 * classes over one window, and a BG/NBD fit on every paid order up to the as-of date. It runs
 * the same two passes and the same model as the scheduled job ({@link RfmWindow},
 * {@link RfmStatistics}, {@link RfmScorer}, {@link BgNbdModel}); only the grouping of rows per
 * customer is held in memory, which suits an offline tool.
 */
public final class OrderHistoryAnalyzer {

    private OrderHistoryAnalyzer() {
    }

    /** Analyses as of the day after the last order, over the default 365-day window. */
    public static OrderHistoryAnalysis analyze(Collection<OrderRow> rows) {
        return analyze(rows, defaultAsOf(rows), RfmWindow.DEFAULT_DAYS);
    }

    /** The default as-of date of an analysis: the day after the last order. */
    public static LocalDate defaultAsOf(Collection<OrderRow> rows) {
        LocalDate lastOrder = rows.stream().map(row -> row.order().date()).max(LocalDate::compareTo)
                .orElseThrow(() -> new IllegalArgumentException("no orders to analyse"));
        return lastOrder.plusDays(1);
    }

    public static OrderHistoryAnalysis analyze(Collection<OrderRow> rows, LocalDate asOf, int windowDays) {
        RfmWindow window = RfmWindow.of(asOf, windowDays);
        // sorted by customer id so that the churn sample does not depend on row order
        Map<String, List<Order>> ordersByCustomer = new TreeMap<>();
        for (OrderRow row : rows) {
            ordersByCustomer.computeIfAbsent(row.customerId(), id -> new ArrayList<>()).add(row.order());
        }

        List<RfmValues> buyers = new ArrayList<>();
        RfmStatistics statistics = RfmStatistics.create(window);
        for (List<Order> orders : ordersByCustomer.values()) {
            window.values(orders).ifPresent(values -> {
                buyers.add(values);
                statistics.add(values);
            });
        }
        RfmStatisticsSnapshot snapshot = statistics.freeze();

        Map<RfmSegment, Long> segments = new EnumMap<>(RfmSegment.class);
        Map<ValueTier, Long> tiers = new EnumMap<>(ValueTier.class);
        Map<MemberClass, Long> memberClasses = new EnumMap<>(MemberClass.class);
        if (!buyers.isEmpty()) {
            RfmScorer scorer = RfmScorer.from(snapshot);
            for (RfmValues values : buyers) {
                RfmScore score = scorer.score(values);
                segments.merge(score.segment(), 1L, Long::sum);
                tiers.merge(score.valueTier(), 1L, Long::sum);
                memberClasses.merge(score.memberClass(), 1L, Long::sum);
            }
        }
        return new OrderHistoryAnalysis(asOf, windowDays, snapshot.buyers(),
                snapshot.meanRecencyDays(), snapshot.meanFrequency(), snapshot.meanMonetaryFen(),
                segments, tiers, memberClasses, fitChurnModel(ordersByCustomer.values(), asOf).orElse(null));
    }

    private static Optional<BgNbdParameters> fitChurnModel(
            Collection<List<Order>> ordersByCustomer, LocalDate calibrationEnd) {
        RepeatSummarySample sample = RepeatSummarySample.create();
        for (List<Order> orders : ordersByCustomer) {
            List<LocalDate> paidDays = orders.stream().filter(Order::counts).map(Order::date).toList();
            RepeatSummary.fromPurchaseDates(paidDays, calibrationEnd).ifPresent(sample::add);
        }
        return BgNbdModel.fit(sample).map(BgNbdModel::parameters);
    }
}
