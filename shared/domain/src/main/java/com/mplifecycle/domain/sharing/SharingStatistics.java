package com.mplifecycle.domain.sharing;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sharing over a range of days, from its records: {@code sharers} (distinct customers who shared),
 * {@code shares}, {@code opens} (by other customers), {@code newCustomers} (distinct customers
 * acquired through a share), the return ratio {@code opensPerShare}, and the top sharers by new
 * customers, then opens, then shares.
 */
public record SharingStatistics(long sharers, long shares, long opens, long newCustomers, Double opensPerShare,
                                List<Sharer> topSharers) {
    /** How many top sharers an answer lists. */
    public static final int TOP = 10;

    /** What happened: a share, an open of it, a customer acquired through it. */
    public enum Kind {
        /** A customer shared. */
        SHARE,
        /** Another customer opened a share. */
        OPEN,
        /** A customer was first seen through a share. */
        NEW_CUSTOMER
    }

    /** One record, by the sharer it counts for. */
    public record Entry(Kind kind, String sharerId) {
        public Entry {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(sharerId, "sharerId");
        }
    }

    /** One sharer's figures; {@code opensPerShare} null without shares in the range. */
    public record Sharer(String customerId, long shares, long opens, long newCustomers, Double opensPerShare) {
    }

    public SharingStatistics {
        topSharers = List.copyOf(topSharers);
    }

    public static SharingStatistics of(List<Entry> entries) {
        Map<String, long[]> bySharer = new HashMap<>();
        long[] total = new long[3];
        for (Entry e : entries) {
            bySharer.computeIfAbsent(e.sharerId(), k -> new long[3])[e.kind().ordinal()]++;
            total[e.kind().ordinal()]++;
        }
        long sharers = bySharer.values().stream().filter(c -> c[Kind.SHARE.ordinal()] > 0).count();
        List<Sharer> top = bySharer.entrySet().stream()
                .map(e -> new Sharer(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                        ratio(e.getValue()[1], e.getValue()[0])))
                .sorted(Comparator.comparingLong(Sharer::newCustomers).thenComparingLong(Sharer::opens)
                        .thenComparingLong(Sharer::shares).reversed().thenComparing(Sharer::customerId))
                .limit(TOP).toList();
        return new SharingStatistics(sharers, total[0], total[1], total[2], ratio(total[1], total[0]), top);
    }

    private static Double ratio(long opens, long shares) {
        return shares == 0 ? null : Math.round(opens * 100.0 / shares) / 100.0;
    }
}
