package com.mplifecycle.functions.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.mplifecycle.aws.store.AppCampaigns;
import com.mplifecycle.aws.store.ProfileStore;

/**
 * The one-off pass after an app's campaigns changed (created, edited, enabled, paused, deleted): every
 * profile of the app is put where the changed campaigns place it in the due index, so a new campaign
 * finds its customers from then on (not history: an occurrence's window is a day of sendable time)
 * without the 5-minute sweep ever scanning. Only profiles whose place changes are written.
 */
final class Backfill {
    /** What a pass did. */
    record Result(long profiles, long moved) {
    }

    private final ProfileStore profiles;
    private final ExecutorService scanners;
    private final int segments;

    Backfill(ProfileStore profiles, ExecutorService scanners, int segments) {
        this.profiles = profiles;
        this.scanners = scanners;
        this.segments = segments;
    }

    Result run(String appId, AppCampaigns apps, Instant now) {
        AppCampaigns.App app = apps.fresh(appId, now);
        AtomicLong seen = new AtomicLong();
        AtomicLong moved = new AtomicLong();
        List<Future<?>> scans = new ArrayList<>();
        for (int s = 0; s < segments; s++) {
            int segment = s;
            scans.add(scanners.submit(() -> profiles.scanWithDue(appId, segment, segments, (p, stored) -> {
                seen.incrementAndGet();
                Optional<Instant> due = app.nextDue(p, Set.of(), now);
                if (!due.equals(stored) && profiles.setDue(p, due)) {
                    moved.incrementAndGet();
                }
            })));
        }
        for (Future<?> f : scans) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("backfill of " + appId + " failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during the backfill", e);
            }
        }
        return new Result(seen.get(), moved.get());
    }
}
