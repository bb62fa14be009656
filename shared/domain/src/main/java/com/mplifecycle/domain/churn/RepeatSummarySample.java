package com.mplifecycle.domain.churn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A bounded, deterministic sample of customers' repeat summaries for fitting BG/NBD:
 * reservoir sampling (Vitter's algorithm R) with a seeded generator, so memory stays at
 * {@code capacity} summaries however many customers are scanned and the same scan order
 * gives the same sample. Counts of buyers and repeat buyers cover every summary added, not
 * just the sample. Mutable and not thread-safe.
 */
public final class RepeatSummarySample {

    public static final int DEFAULT_CAPACITY = 50_000;
    public static final long DEFAULT_SEED = 20050401L;

    private final int capacity;
    private final SplittableRandom random;
    private final List<RepeatSummary> reservoir = new ArrayList<>();
    private long buyers;
    private long repeatBuyers;

    private RepeatSummarySample(int capacity, long seed) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
        }
        this.capacity = capacity;
        this.random = new SplittableRandom(seed);
    }

    public static RepeatSummarySample create() {
        return new RepeatSummarySample(DEFAULT_CAPACITY, DEFAULT_SEED);
    }

    public static RepeatSummarySample create(int capacity, long seed) {
        return new RepeatSummarySample(capacity, seed);
    }

    public void add(RepeatSummary summary) {
        buyers++;
        if (summary.isRepeatBuyer()) {
            repeatBuyers++;
        }
        if (reservoir.size() < capacity) {
            reservoir.add(summary);
            return;
        }
        long slot = random.nextLong(buyers);
        if (slot < capacity) {
            reservoir.set((int) slot, summary);
        }
    }

    /** Customers added so far (with at least one purchase in the calibration period). */
    public long buyers() {
        return buyers;
    }

    /** Customers added so far with {@code x > 0}. */
    public long repeatBuyers() {
        return repeatBuyers;
    }

    /** The sampled summaries, at most {@code capacity} of them. */
    public List<RepeatSummary> summaries() {
        return List.copyOf(reservoir);
    }
}
