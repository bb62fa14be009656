package com.mplifecycle.domain.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mplifecycle.domain.churn.BgNbdParameters;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OrderHistoryAnalyzerTest {

    private static final LocalDate AS_OF = OnlineRetailData.LAST_INVOICE_DAY.plusDays(1);
    private static final LocalDate FIRST_INVOICE_DAY = LocalDate.of(2010, 12, 1);
    /** Long enough that the first invoice day is inside the window. */
    private static final int WHOLE_HISTORY_DAYS = (int) ChronoUnit.DAYS.between(FIRST_INVOICE_DAY, AS_OF) + 1;

    private static List<OrderRow> invoices;
    private static OrderHistoryAnalysis analysis;

    @BeforeAll
    static void analyseOnlineRetail() {
        invoices = OnlineRetailData.invoices();
        analysis = OrderHistoryAnalyzer.analyze(invoices, AS_OF, WHOLE_HISTORY_DAYS);
    }

    @Test
    void analyze_onlineRetail_segmentsEveryCustomer() {
        assertEquals(4_338, analysis.buyers());
        assertEquals(4_338, analysis.segmentCounts().values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void analyze_onlineRetail_givesPinnedSegmentCounts() {
        Map<RfmSegment, Long> expected = new EnumMap<>(Map.of(
                RfmSegment.IMPORTANT_VALUE, 689L,
                RfmSegment.IMPORTANT_DEVELOP, 117L,
                RfmSegment.IMPORTANT_RETAIN, 27L,
                RfmSegment.IMPORTANT_WINBACK, 38L,
                RfmSegment.GENERAL_VALUE, 358L,
                RfmSegment.GENERAL_DEVELOP, 1_750L,
                RfmSegment.GENERAL_RETAIN, 40L,
                RfmSegment.GENERAL_WINBACK, 1_319L));

        assertEquals(expected, analysis.segmentCounts());
    }

    @Test
    void analyze_onlineRetail_givesPinnedTiersAndMemberClasses() {
        assertEquals(Map.of(ValueTier.A, 864L, ValueTier.B, 1_311L, ValueTier.C, 2_163L),
                analysis.valueTierCounts());
        assertEquals(Map.of(MemberClass.HONEYMOON, 2_889L, MemberClass.ACTIVE, 588L,
                MemberClass.LAPSING, 787L, MemberClass.DORMANT, 74L), analysis.memberClassCounts());
    }

    @Test
    void analyze_onlineRetail_reportsExactMeans() {
        assertEquals(93.0595, analysis.meanRecencyDays(), 1e-4);
        assertEquals(4.2720, analysis.meanFrequency(), 1e-4);
        assertEquals(205_426.65, analysis.meanMonetaryFen(), 0.01);
    }

    @Test
    void analyze_onlineRetail_fitsChurnModel() {
        BgNbdParameters fit = analysis.bgNbdParameters();

        assertNotNull(fit);
        assertEquals(0.826, fit.r(), 0.001);
        assertEquals(9.89, fit.alpha(), 0.01);
        assertEquals(-37_697.3, fit.logLikelihood(), 0.1);
    }

    @Test
    void analyze_defaults_useDayAfterLastOrderAnd365Days() {
        OrderHistoryAnalysis defaults = OrderHistoryAnalyzer.analyze(invoices);

        assertEquals(AS_OF, defaults.asOf());
        assertEquals(365, defaults.windowDays());
        assertTrue(defaults.buyers() < analysis.buyers());
    }

    @Test
    void analyze_tooFewBuyers_hasNoChurnModel() {
        List<OrderRow> rows = List.of(
                OrderRow.of("a", LocalDate.of(2024, 1, 5), 1_000),
                OrderRow.of("a", LocalDate.of(2024, 2, 5), 2_000),
                OrderRow.of("b", LocalDate.of(2024, 3, 1), 500));

        OrderHistoryAnalysis small = OrderHistoryAnalyzer.analyze(rows);

        assertEquals(2, small.buyers());
        assertNull(small.bgNbdParameters());
        assertEquals(0L, small.segmentCounts().get(RfmSegment.GENERAL_RETAIN));
    }

    @Test
    void analyze_onlineRetail_valueTiersFromHistogramAreCloseToExactRanks() {
        Map<ValueTier, Long> exact = exactValueTierCounts();

        // binning can move the customers of one 1 % bin across a cut point (10 here)
        for (ValueTier tier : ValueTier.values()) {
            long difference = Math.abs(exact.get(tier) - analysis.valueTierCounts().get(tier));
            assertTrue(difference <= analysis.buyers() / 100, tier + ": exact " + exact.get(tier) + " vs " + analysis.valueTierCounts());
        }
    }

    @Test
    void analyze_onlineRetail_segmentCountsMatchNaiveExactComputation() {
        assertEquals(naiveSegmentCounts(), analysis.segmentCounts());
    }

    /** Tiers from exact mid-ranks of M (no binning), the documented rule restated. */
    private static Map<ValueTier, Long> exactValueTierCounts() {
        Map<String, Long> monetaryByCustomer = new HashMap<>();
        invoices.forEach(row -> monetaryByCustomer.merge(row.customerId(), row.order().amountFen(), Long::sum));
        long[] sorted = monetaryByCustomer.values().stream().mapToLong(Long::longValue).sorted().toArray();
        Map<ValueTier, Long> counts = new EnumMap<>(ValueTier.class);
        for (long monetary : sorted) {
            long below = java.util.Arrays.stream(sorted).filter(m -> m < monetary).count();
            long equal = java.util.Arrays.stream(sorted).filter(m -> m == monetary).count();
            double midRank = (below + equal / 2.0) / sorted.length;
            ValueTier tier = midRank >= 0.8 ? ValueTier.A : midRank >= 0.5 ? ValueTier.B : ValueTier.C;
            counts.merge(tier, 1L, Long::sum);
        }
        return counts;
    }

    /** All values in memory, means as exact fractions, the 8 cells spelled out again here. */
    private static Map<RfmSegment, Long> naiveSegmentCounts() {
        Map<String, List<OrderRow>> byCustomer = new HashMap<>();
        for (OrderRow row : invoices) {
            byCustomer.computeIfAbsent(row.customerId(), id -> new ArrayList<>()).add(row);
        }
        List<long[]> rfm = new ArrayList<>();
        for (List<OrderRow> rows : byCustomer.values()) {
            LocalDate last = rows.stream().map(row -> row.order().date()).max(LocalDate::compareTo).orElseThrow();
            long monetary = rows.stream().mapToLong(row -> row.order().amountFen()).sum();
            rfm.add(new long[] {ChronoUnit.DAYS.between(last, AS_OF), rows.size(), monetary});
        }
        long n = rfm.size();
        long[] sums = new long[3];
        rfm.forEach(values -> {
            for (int axis = 0; axis < 3; axis++) {
                sums[axis] += values[axis];
            }
        });
        Map<String, RfmSegment> cells = Map.of(
                "HHH", RfmSegment.IMPORTANT_VALUE, "HLH", RfmSegment.IMPORTANT_DEVELOP,
                "LHH", RfmSegment.IMPORTANT_RETAIN, "LLH", RfmSegment.IMPORTANT_WINBACK,
                "HHL", RfmSegment.GENERAL_VALUE, "HLL", RfmSegment.GENERAL_DEVELOP,
                "LHL", RfmSegment.GENERAL_RETAIN, "LLL", RfmSegment.GENERAL_WINBACK);
        Map<RfmSegment, Long> counts = new EnumMap<>(RfmSegment.class);
        for (RfmSegment segment : RfmSegment.values()) {
            counts.put(segment, 0L);
        }
        for (long[] values : rfm) {
            // value >= sum / n  <=>  value * n >= sum; for R fewer days is the high side
            String key = (values[0] * n <= sums[0] ? "H" : "L")
                    + (values[1] * n >= sums[1] ? "H" : "L")
                    + (values[2] * n >= sums[2] ? "H" : "L");
            counts.merge(cells.get(key), 1L, Long::sum);
        }
        return counts;
    }
}
