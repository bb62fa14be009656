package com.mplifecycle.domain.rfm;

/**
 * Pass 2 of RFM scoring: scores one buyer at a time against frozen pass-1 statistics.
 * Immutable and thread-safe.
 *
 * <p><b>Quintiles and ties.</b> A value's position among the {@code n} buyers is its mid-rank
 * {@code p = (worse + equal / 2) / n}, where {@code worse} counts buyers with a strictly
 * worse value (more days since the last order for R, smaller F or M) and {@code equal}
 * counts buyers with the same value (the same 1 % bin for M). The score is
 * {@code 1 + floor(5 p)}, capped at 5. All buyers sharing a value therefore share a score,
 * the one where the middle of their tied block falls; with many ties (most buyers have F = 1)
 * some scores stay unused rather than splitting equal customers arbitrarily. Integer
 * arithmetic keeps boundaries exact.
 *
 * <p><b>Value tiers</b> use the same position on M: A iff {@code p >= 0.8} (top 20 %), B iff
 * {@code p >= 0.5} (next 30 %), else C.
 *
 * <p><b>Segments</b> compare raw values with the exact means over buyers (see
 * {@link RfmSegment}); for integer values this is the same as comparing with the floor
 * (R) or ceiling (F, M) of the mean, which avoids overflow.
 */
public final class RfmScorer {

    private final RfmStatisticsSnapshot statistics;
    private final CumulativeCounts recency;
    private final CumulativeCounts frequency;
    private final CumulativeCounts monetaryBins;
    private final long recencyHighMaxDays;
    private final long frequencyHighMin;
    private final long monetaryHighMinFen;

    private RfmScorer(RfmStatisticsSnapshot statistics) {
        if (statistics.buyers() == 0) {
            throw new IllegalArgumentException("cannot score against statistics without buyers");
        }
        long n = statistics.buyers();
        this.statistics = statistics;
        this.recency = CumulativeCounts.of(statistics.recencyDayCounts());
        this.frequency = CumulativeCounts.of(statistics.frequencyCounts());
        this.monetaryBins = CumulativeCounts.of(statistics.monetaryBinCounts());
        this.recencyHighMaxDays = statistics.recencyDaysSum() / n;
        this.frequencyHighMin = ceilDiv(statistics.frequencySum(), n);
        this.monetaryHighMinFen = ceilDiv(statistics.monetaryFenSum(), n);
    }

    public static RfmScorer from(RfmStatisticsSnapshot statistics) {
        return new RfmScorer(statistics);
    }

    public RfmStatisticsSnapshot statistics() {
        return statistics;
    }

    public RfmScore score(RfmValues values) {
        long n = statistics.buyers();
        int days = values.recencyDays();
        int bin = MonetaryBin.of(values.monetaryFen());
        int rScore = quintile(recency.above(days), recency.at(days), n);
        int fScore = quintile(frequency.below(values.frequency()), frequency.at(values.frequency()), n);
        long monetaryWorse = monetaryBins.below(bin);
        long monetaryEqual = monetaryBins.at(bin);
        RfmSegment segment = RfmSegment.of(
                days <= recencyHighMaxDays,
                values.frequency() >= frequencyHighMin,
                values.monetaryFen() >= monetaryHighMinFen);
        return new RfmScore(days, values.frequency(), values.monetaryFen(),
                rScore, fScore, quintile(monetaryWorse, monetaryEqual, n),
                segment, valueTier(monetaryWorse, monetaryEqual, n), MemberClass.ofRecencyDays(days));
    }

    /** {@code 1 + floor(5 (worse + equal/2) / n)}, capped at 5, in integers. */
    static int quintile(long worse, long equal, long n) {
        long twiceRank = 2 * worse + equal;
        return 1 + (int) Math.min(4, 5 * twiceRank / (2 * n));
    }

    static ValueTier valueTier(long worse, long equal, long n) {
        long twiceRank = 2 * worse + equal;
        if (5 * twiceRank >= 8 * n) {
            return ValueTier.A;
        }
        return twiceRank >= n ? ValueTier.B : ValueTier.C;
    }

    private static long ceilDiv(long sum, long n) {
        return sum / n + (sum % n == 0 ? 0 : 1);
    }
}
