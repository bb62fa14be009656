package com.mplifecycle.domain.churn;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A bounded, deterministic sample of customers' repeat summaries for fitting BG/NBD:
 * reservoir sampling (Vitter's algorithm R) with a seeded generator, so memory stays at
 * {@code capacity} summaries however many customers are scanned and the same scan order
 * gives the same sample. Counts of buyers and repeat buyers cover every summary added, not
 * just the sample. Mutable and not thread-safe.
 *
 * <p>{@link #add(RepeatSummary, String)} samples by customer instead (bottom-k of a seeded hash of
 * the customer key): the sample, and its order, then depend only on which customers were added,
 * not on the order a parallel scan delivered them, so refitting unchanged data gives the same
 * model. Use one of the two {@code add} methods per sample.
 *
 * <p>Samples by key of disjoint parts (the slices of a fanned-out run) combine with
 * {@link #merge}: the union of their {@link #keyed()} entries, cut to the capacity by the same
 * priority, so the result is the sample one pass would have kept whenever each part kept every
 * customer of that result.
 */
public final class RepeatSummarySample {

    public static final int DEFAULT_CAPACITY = 50_000;
    public static final long DEFAULT_SEED = 20050401L;

    private final int capacity;
    private final SplittableRandom random;
    private final List<RepeatSummary> reservoir = new ArrayList<>();
    private static final Comparator<Keyed> BY_PRIORITY = Comparator.comparingLong(Keyed::priority)
            .thenComparingDouble(k -> k.summary().x()).thenComparingDouble(k -> k.summary().tx())
            .thenComparingDouble(k -> k.summary().T());
    private final PriorityQueue<Keyed> keyed = new PriorityQueue<>(BY_PRIORITY.reversed());
    private final long seed;

    /** One customer of a sample taken by key: the summary and its seeded key hash (smaller is kept). */
    public record Keyed(long priority, RepeatSummary summary) {
    }
    private long buyers;
    private long repeatBuyers;

    private RepeatSummarySample(int capacity, long seed) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
        }
        this.capacity = capacity;
        this.seed = seed;
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

    /**
     * Adds one customer's summary, sampled by its key: the sample keeps the {@code capacity}
     * customers whose seeded key hash is smallest, whatever the order they arrive in.
     */
    public void add(RepeatSummary summary, String customerKey) {
        buyers++;
        if (summary.isRepeatBuyer()) {
            repeatBuyers++;
        }
        offer(new Keyed(hash(customerKey), summary));
    }

    private void offer(Keyed entry) {
        if (keyed.size() < capacity) {
            keyed.add(entry);
        } else if (BY_PRIORITY.compare(entry, keyed.peek()) < 0) {
            keyed.poll();
            keyed.add(entry);
        }
    }

    /** FNV-1a over the key's bytes, then SplittableRandom's finalizer with the seed: stable across JVMs. */
    private long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        long z = h ^ seed;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The entries of a sample taken by key, smallest priority first (empty for a reservoir sample). */
    public List<Keyed> keyed() {
        return keyed.stream().sorted(BY_PRIORITY).toList();
    }

    /**
     * The sample by key of {@code capacity} over disjoint parts with these entries, counting
     * {@code buyers} and {@code repeatBuyers} in all.
     */
    public static RepeatSummarySample merge(int capacity, List<Keyed> entries, long buyers, long repeatBuyers) {
        if (repeatBuyers < 0 || repeatBuyers > buyers || entries.size() > buyers) {
            throw new IllegalArgumentException("need entries <= buyers and 0 <= repeatBuyers <= buyers: "
                    + entries.size() + ", " + buyers + ", " + repeatBuyers);
        }
        RepeatSummarySample sample = new RepeatSummarySample(capacity, DEFAULT_SEED);
        for (Keyed entry : entries) {
            sample.offer(entry);
        }
        sample.buyers = buyers;
        sample.repeatBuyers = repeatBuyers;
        return sample;
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
        if (!keyed.isEmpty()) {
            return keyed.stream().sorted(BY_PRIORITY).map(Keyed::summary).toList();
        }
        return List.copyOf(reservoir);
    }
}
