package com.mplifecycle.domain.funnel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The funnel of a range of days: per step, the distinct customers who reached it in order on at
 * least one day of the range, and the same per day. Customers are counted by a 64-bit hash of
 * their id ({@link #memberOf}), so the stored day sets hold no customer id; two customers of one
 * app share a hash with a probability of about n²/2⁶⁵ (one in 10⁷ for a million customers).
 */
public record FunnelReach(Map<FunnelStep, Long> distinct, SortedMap<LocalDate, Map<FunnelStep, Long>> byDay) {

    public FunnelReach {
        distinct = Collections.unmodifiableMap(new EnumMap<>(distinct));
        byDay = Collections.unmodifiableSortedMap(new TreeMap<>(byDay));
    }

    /** The member value that stands for a customer in the day sets: the first 8 bytes of SHA-256 of the id. */
    public static long memberOf(String customerId) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(customerId.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = (h << 8) | (d[i] & 0xff);
            }
            return h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Collects day sets (in any order, a day's set possibly split over several parts) into counts. */
    public static final class Tally {
        private final Map<FunnelStep, LongBag> all = new EnumMap<>(FunnelStep.class);
        private final Map<LocalDate, Map<FunnelStep, LongBag>> days = new HashMap<>();

        /** Adds members who reached {@code step} in order on {@code day}. */
        public Tally add(LocalDate day, FunnelStep step, long[] members) {
            all.computeIfAbsent(step, s -> new LongBag()).addAll(members);
            days.computeIfAbsent(day, d -> new EnumMap<>(FunnelStep.class))
                    .computeIfAbsent(step, s -> new LongBag()).addAll(members);
            return this;
        }

        public FunnelReach counts() {
            Map<FunnelStep, Long> distinct = new EnumMap<>(FunnelStep.class);
            for (FunnelStep s : FunnelStep.values()) {
                LongBag bag = all.get(s);
                distinct.put(s, bag == null ? 0 : bag.distinct());
            }
            SortedMap<LocalDate, Map<FunnelStep, Long>> byDay = new TreeMap<>();
            days.forEach((day, steps) -> {
                Map<FunnelStep, Long> n = new EnumMap<>(FunnelStep.class);
                for (FunnelStep s : FunnelStep.values()) {
                    LongBag bag = steps.get(s);
                    n.put(s, bag == null ? 0 : bag.distinct());
                }
                byDay.put(day, Collections.unmodifiableMap(n));
            });
            return new FunnelReach(distinct, byDay);
        }
    }

    /** A growable array of longs counted by sorting: 8 bytes a member, no boxing, for large ranges. */
    private static final class LongBag {
        private long[] values = new long[16];
        private int size;

        void addAll(long[] more) {
            if (size + more.length > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, size + more.length));
            }
            System.arraycopy(more, 0, values, size, more.length);
            size += more.length;
        }

        long distinct() {
            Arrays.sort(values, 0, size);
            long n = 0;
            for (int i = 0; i < size; i++) {
                if (i == 0 || values[i] != values[i - 1]) {
                    n++;
                }
            }
            return n;
        }
    }
}
