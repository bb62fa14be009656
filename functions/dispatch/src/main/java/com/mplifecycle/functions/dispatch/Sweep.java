package com.mplifecycle.functions.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.domain.profile.CustomerProfile;

/**
 * The scheduled pass over every profile: a parallel scan, one thread per scan worker; the pure "anything due?" check
 * runs on the scanning thread, and only customers with something due go to the worker pool, where
 * their I/O (records, claim, WeChat) runs concurrently. A failing customer is counted and does not
 * stop the others; whatever it had due is found again by the next run.
 */
final class Sweep {
    private final ProfileStore profiles;
    private final CustomerDispatcher dispatcher;
    private final ExecutorService scanners;
    private final ExecutorService workers;
    private final int scanWorkers;
    private final Runnable afterPage;

    /** @param afterPage run after each page's customers are done (writes their outcome counts) */
    Sweep(ProfileStore profiles, CustomerDispatcher dispatcher, ExecutorService scanners, ExecutorService workers,
          int scanWorkers, Runnable afterPage) {
        this.afterPage = afterPage;
        this.profiles = profiles;
        this.dispatcher = dispatcher;
        this.scanners = scanners;
        this.workers = workers;
        this.scanWorkers = scanWorkers;
    }

    void run(AppCampaigns apps, Instant now, DispatchTally tally) {
        List<Future<?>> scans = new ArrayList<>();
        for (int w = 0; w < scanWorkers; w++) {
            int worker = w;
            scans.add(scanners.submit(() -> profiles.scan(worker, scanWorkers, page -> dispatchPage(page, apps, now,
                    tally))));
        }
        await(scans, tally);
    }

    private void dispatchPage(List<CustomerProfile> page, AppCampaigns apps, Instant now, DispatchTally tally) {
        List<Future<?>> work = new ArrayList<>();
        for (CustomerProfile p : page) {
            AppCampaigns.App app = apps.of(p.appId(), now);
            if (CustomerDispatcher.anythingDue(p, app, now)) {
                work.add(workers.submit(() -> dispatcher.dispatch(p, app, now, tally)));
            }
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
