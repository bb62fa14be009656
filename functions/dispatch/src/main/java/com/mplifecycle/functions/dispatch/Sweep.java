package com.mplifecycle.functions.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import com.mplifecycle.aws.store.AppCampaigns;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.domain.profile.CustomerProfile;

/**
 * The scheduled pass over the customers the due index lists as due by now (docs/data-model.md): each
 * shard of the index is queried in parallel, so a sweep reads in proportion to the customers due, not
 * to all customers. Their profiles are read in batches and dispatched on the worker pool, where their
 * I/O (records, claim, WeChat) runs concurrently; each dispatched customer moves on in the index to what
 * is left for it. A failing customer is counted and does not stop the others; it stays due and is
 * found again by the next run. A sweep with more due than it can finish in its time budget stops taking
 * new pages: the rest stay due (occurrences stay due for a day of sendable time) for the next runs.
 */
final class Sweep {
    /** Taking new pages stops after this, well inside the function's 5-minute timeout. */
    static final Duration BUDGET = Duration.ofMinutes(4);

    private final ProfileStore profiles;
    private final CustomerDispatcher dispatcher;
    private final ExecutorService scanners;
    private final ExecutorService workers;
    private final Runnable afterPage;

    /** @param afterPage run after each page's customers are done (writes their outcome counts) */
    Sweep(ProfileStore profiles, CustomerDispatcher dispatcher, ExecutorService scanners, ExecutorService workers,
          Runnable afterPage) {
        this.afterPage = afterPage;
        this.profiles = profiles;
        this.dispatcher = dispatcher;
        this.scanners = scanners;
        this.workers = workers;
    }

    void run(AppCampaigns apps, Instant now, DispatchTally tally) {
        long deadline = System.nanoTime() + BUDGET.toNanos();
        BooleanSupplier inTime = () -> System.nanoTime() < deadline;
        List<Future<?>> shards = new ArrayList<>();
        for (int s = 0; s < ProfileStore.dueShards(); s++) {
            int shard = s;
            shards.add(scanners.submit(() -> profiles.dueKeys(shard, now, keys -> {
                if (inTime.getAsBoolean()) {
                    dispatchPage(keys, apps, now, tally);
                }
            })));
        }
        await(shards, tally);
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
