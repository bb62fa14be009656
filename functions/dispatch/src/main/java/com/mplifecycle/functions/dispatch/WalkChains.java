package com.mplifecycle.functions.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import com.mplifecycle.aws.bus.DispatchWorkPublisher;
import com.mplifecycle.aws.bus.DispatchWorkPublisher.Work;
import com.mplifecycle.aws.store.ChainLeases;

/**
 * Walks that go on in other invocations (docs/data-model.md, Dispatch's chained walks): a shard of the due index
 * or a segment of a backfill is read a page at a time, at most {@code pagesPerInvocation} pages and within the
 * invocation's time, and what is left is requested on the bus ({@code DispatchWorkRequested}) for the next
 * invocation, like the nightly run's slices. One lease per walk ({@link ChainLeases}) names the chain and the
 * hop that may run: a hop moves it on (with where the next hop starts) before requesting the next, so a
 * redelivered or retried request runs its pages again (every step of a customer is idempotent) but never forks
 * the walk. A chain that breaks anyway (a crash between the two) is taken over from the lease once it expires.
 */
final class WalkChains {
    /** A lease lasts this past its last hop: a chain broken by a crash is taken over after it. */
    static final Duration LEASE = Duration.ofMinutes(10);

    /** Reads and handles one page from {@code cursor} (null: the start); where the walk goes on, empty at its end. */
    interface Pages {
        Optional<String> page(String cursor);
    }

    /** What a requested hop did. */
    enum Hop {
        /** The walk reached its end. */
        DONE,
        /** The rest was requested for the next invocation. */
        HANDED_ON,
        /** Another hop or a newer chain holds the walk: nothing done. */
        STALE
    }

    private final ChainLeases leases;
    private final DispatchWorkPublisher requests;
    private final int pagesPerInvocation;

    WalkChains(ChainLeases leases, DispatchWorkPublisher requests, int pagesPerInvocation) {
        if (pagesPerInvocation < 1) {
            throw new IllegalArgumentException("pages per invocation must be >= 1: " + pagesPerInvocation);
        }
        this.leases = leases;
        this.requests = requests;
        this.pagesPerInvocation = pagesPerInvocation;
    }

    static String key(Work w) {
        return w.walk().equals(DispatchWorkPublisher.SWEEP) ? sweepKey(w.part()) : backfillKey(w.appId(), w.part());
    }

    static String sweepKey(int shard) {
        return String.format("%s#%02d", DispatchWorkPublisher.SWEEP, shard);
    }

    static String backfillKey(String appId, int segment) {
        return String.format("%s#%s#%02d", DispatchWorkPublisher.BACKFILL, appId, segment);
    }

    /** Every walk's lease, held or expired (one query, by the 5-minute run). */
    List<ChainLeases.Lease> leases() {
        return leases.all();
    }

    /**
     * Goes on with a walk whose chain broke (its lease expired: a hop crashed after moving the lease, or its
     * request was lost) in a new chain, from where the broken chain's next hop would have started.
     */
    boolean takeOver(ChainLeases.Lease expired, Work first, Instant now) {
        if (!leases.takeOver(expired, first.chain(), now, now.plus(LEASE))) {
            return false;
        }
        requests.request(first);
        return true;
    }

    /**
     * Takes pages from {@code cursor} (null: the start), the first one always, then while {@code inTime} holds
     * and this invocation's share of pages is not used. Returns where the walk stopped, empty at its end.
     */
    Optional<String> walk(String cursor, Pages pages, BooleanSupplier inTime) {
        String at = cursor;
        for (int taken = 0; ; ) {
            Optional<String> next = pages.page(at);
            taken++;
            if (next.isEmpty()) {
                return Optional.empty();
            }
            at = next.get();
            if (taken >= pagesPerInvocation || !inTime.getAsBoolean()) {
                return Optional.of(at);
            }
        }
    }

    /**
     * Hands the rest of a walk that ran without a lease (a sweep's shard) on as a new chain, unless a chain
     * holds the walk already (it goes on with it). {@code first} is hop 0, from where the walk stopped.
     */
    boolean start(Work first, Instant now) {
        if (!leases.take(key(first), first.chain(), now, now.plus(LEASE))) {
            return false;
        }
        requests.request(first);
        return true;
    }

    /** Starts {@code first}'s chain at hop 0 in this invocation, replacing any chain on the walk (a newer backfill). */
    void replace(Work first, Instant now) {
        leases.replace(key(first), first.chain(), now.plus(LEASE));
    }

    /** A hop requested on the bus: runs only if it holds the walk, then ends or hands on. */
    Hop resume(Work hop, Pages pages, BooleanSupplier inTime, Instant now) {
        if (!leases.holds(key(hop), hop.chain(), hop.hop())) {
            return Hop.STALE;
        }
        return finish(hop, walk(hop.cursor(), pages, inTime), now);
    }

    /** After hop {@code hop} walked to {@code rest}: the walk's end releases the lease, else the next hop is requested. */
    Hop finish(Work hop, Optional<String> rest, Instant now) {
        if (rest.isEmpty()) {
            leases.release(key(hop), hop.chain());
            return Hop.DONE;
        }
        if (!leases.advance(key(hop), hop.chain(), hop.hop(), now.plus(LEASE), rest.get())) {
            return Hop.STALE;
        }
        try {
            requests.request(hop.then(rest.get()));
        } catch (RuntimeException e) {
            leases.retreat(key(hop), hop.chain(), hop.hop()); // so that Lambda's retry of this hop runs it again
            throw e;
        }
        return Hop.HANDED_ON;
    }
}
