package com.mplifecycle.functions.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import com.mplifecycle.aws.bus.DispatchWorkPublisher;
import com.mplifecycle.aws.bus.DispatchWorkPublisher.Work;
import com.mplifecycle.aws.store.AppCampaigns;
import com.mplifecycle.aws.store.ChainLeases;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.domain.profile.CustomerProfile;

/**
 * The scheduled pass over the customers the due index lists as due by now (docs/data-model.md): each
 * shard of the index is queried in parallel, so a sweep reads in proportion to the customers due, not
 * to all customers. Their profiles are read in batches and dispatched on the worker pool, where their
 * I/O (records, claim, WeChat) runs concurrently; each dispatched customer moves on in the index to what
 * is left for it. A failing customer is counted and does not stop the others; it stays due and is
 * found again by the next run. A shard with more due than one invocation's share (a campaign launch to a
 * large audience) is handed on to other invocations from where this one stopped ({@link WalkChains}), one
 * chain per shard: up to 16 invocations at a time, each within its budget; the 5-minute run leaves a shard a
 * chain holds to that chain, and walks a shard whose chain broke (its lease expired) itself again.
 */
final class Sweep {
    /** Taking new pages stops after this, well inside the function's 5-minute timeout. */
    static final Duration BUDGET = Duration.ofMinutes(4);
    static final String WALKS = DispatchWorkPublisher.SWEEP + "#";

    private final ProfileStore profiles;
    private final CustomerDispatcher dispatcher;
    private final WalkChains chains;
    private final ExecutorService scanners;
    private final ExecutorService workers;
    private final Runnable afterPage;
    private final int pageSize;

    /** @param afterPage run after each page's customers are done (writes their outcome counts) */
    Sweep(ProfileStore profiles, CustomerDispatcher dispatcher, WalkChains chains, ExecutorService scanners,
          ExecutorService workers, Runnable afterPage, int pageSize) {
        this.afterPage = afterPage;
        this.profiles = profiles;
        this.dispatcher = dispatcher;
        this.chains = chains;
        this.scanners = scanners;
        this.workers = workers;
        this.pageSize = pageSize;
    }

    /** The 5-minute run: every shard no chain holds, each handed on if it has more due than this invocation's share. */
    void run(AppCampaigns apps, Instant now, DispatchTally tally, List<ChainLeases.Lease> leases) {
        BooleanSupplier inTime = inTime();
        Set<String> chained = leases.stream().filter(l -> l.walk().startsWith(WALKS) && l.heldAt(now))
                .map(ChainLeases.Lease::walk).collect(java.util.stream.Collectors.toSet());
        List<Future<?>> shards = new ArrayList<>();
        for (int s = 0; s < ProfileStore.dueShards(); s++) {
            int shard = s;
            if (chained.contains(WalkChains.sweepKey(shard))) {
                tally.chained.incrementAndGet();
                continue;
            }
            shards.add(scanners.submit(() -> {
                Optional<String> rest = chains.walk(null, cursor -> page(shard, cursor, apps, now, tally), inTime);
                if (rest.isPresent() && chains.start(new Work(DispatchWorkPublisher.SWEEP, null, shard,
                        ProfileStore.dueShards(), UUID.randomUUID().toString(), 0, rest.get()), now)) {
                    tally.handedOn.incrementAndGet();
                }
            }));
        }
        await(shards, tally);
    }

    /** One hop of a shard's chain, requested on the bus. */
    WalkChains.Hop resume(Work hop, AppCampaigns apps, Instant now, DispatchTally tally) {
        WalkChains.Hop done = chains.resume(hop, cursor -> page(hop.part(), cursor, apps, now, tally), inTime(), now);
        if (done == WalkChains.Hop.HANDED_ON) {
            tally.handedOn.incrementAndGet();
        }
        return done;
    }

    /** True until {@link #BUDGET} from now: the invocation's time for taking pages (the backfill's too). */
    static BooleanSupplier inTime() {
        long deadline = System.nanoTime() + BUDGET.toNanos();
        return () -> System.nanoTime() < deadline;
    }

    private Optional<String> page(int shard, String cursor, AppCampaigns apps, Instant now, DispatchTally tally) {
        ProfileStore.KeyPage page = profiles.duePage(shard, now, cursor, pageSize);
        if (!page.keys().isEmpty()) {
            dispatchPage(page.keys(), apps, now, tally);
        }
        return page.cursor();
    }

    private void dispatchPage(List<String> keys, AppCampaigns apps, Instant now, DispatchTally tally) {
        Map<String, CustomerProfile> page = profiles.loadAll(keys);
        List<Future<?>> work = new ArrayList<>();
        for (CustomerProfile p : page.values()) {
            AppCampaigns.App app = apps.of(p.appId(), now);
            work.add(workers.submit(() -> dispatcher.dispatch(p, app, now, tally)));
        }
        await(work, tally);
        if (!work.isEmpty()) {
            afterPage.run();
        }
    }

    private static void await(List<Future<?>> futures, DispatchTally tally) {
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                tally.errors.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during the sweep", e);
            }
        }
    }
}
