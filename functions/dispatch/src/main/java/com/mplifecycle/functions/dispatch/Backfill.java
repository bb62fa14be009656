package com.mplifecycle.functions.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import com.mplifecycle.aws.bus.DispatchWorkPublisher;
import com.mplifecycle.aws.bus.DispatchWorkPublisher.Work;
import com.mplifecycle.aws.store.AppCampaigns;
import com.mplifecycle.aws.store.ChainLeases;
import com.mplifecycle.aws.store.ProfileStore;

/**
 * The one-off pass after an app's campaigns changed (created, edited, enabled, paused, deleted): every
 * profile of the app is put where the changed campaigns place it in the due index, so a new campaign
 * finds its customers from then on (not history: an occurrence's window is a day of sendable time)
 * without the 5-minute sweep ever scanning. Only profiles whose place changes are written. The scan is
 * split into segments; a segment longer than one invocation's share goes on in other invocations
 * ({@link WalkChains}). A newer change of the same app replaces the chains of an older one, whose
 * placements may be stale, and walks every segment again; each hop reads the campaigns afresh.
 */
final class Backfill {
    /** What a pass (or one hop of it) did. */
    record Result(long profiles, long moved, int handedOn) {
    }

    private final ProfileStore profiles;
    private final WalkChains chains;
    private final ExecutorService scanners;
    private final ExecutorService workers;
    private final int segments;
    private final int pageSize;

    /** @param workers where a page's moves in the due index run, concurrently (one write each) */
    Backfill(ProfileStore profiles, WalkChains chains, ExecutorService scanners, ExecutorService workers, int segments,
             int pageSize) {
        this.profiles = profiles;
        this.chains = chains;
        this.scanners = scanners;
        this.workers = workers;
        this.segments = segments;
        this.pageSize = pageSize;
    }

    /** The pass after a {@code CampaignChanged}: every segment from its start, in a new chain. */
    Result run(String appId, AppCampaigns apps, Instant now) {
        AppCampaigns.App app = apps.fresh(appId, now);
        BooleanSupplier inTime = Sweep.inTime();
        String chain = UUID.randomUUID().toString();
        AtomicLong seen = new AtomicLong();
        AtomicLong moved = new AtomicLong();
        AtomicLong handedOn = new AtomicLong();
        List<Future<?>> scans = new ArrayList<>();
        for (int s = 0; s < segments; s++) {
            Work first = new Work(DispatchWorkPublisher.BACKFILL, appId, s, segments, chain, 0, null);
            scans.add(scanners.submit(() -> {
                chains.replace(first, now);
                Optional<String> rest = chains.walk(null, cursor -> page(first, cursor, app, now, seen, moved), inTime);
                if (chains.finish(first, rest, now) == WalkChains.Hop.HANDED_ON) {
                    handedOn.incrementAndGet();
                }
            }));
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
        return new Result(seen.get(), moved.get(), (int) handedOn.get());
    }

    /**
     * By the 5-minute run: every backfill segment whose chain broke (its lease expired before its last hop) goes
     * on in a new chain from where the broken one stopped, so no customer of a changed app is left unplaced.
     */
    int takeOver(List<ChainLeases.Lease> leases, Instant now) {
        int taken = 0;
        for (ChainLeases.Lease lease : leases) {
            String[] parts = lease.walk().split("#");
            if (!parts[0].equals(DispatchWorkPublisher.BACKFILL) || lease.heldAt(now) || parts.length != 3) {
                continue;
            }
            Work first = new Work(DispatchWorkPublisher.BACKFILL, parts[1], Integer.parseInt(parts[2]), segments,
                    UUID.randomUUID().toString(), 0, lease.cursor().orElse(null));
            if (chains.takeOver(lease, first, now)) {
                taken++;
            }
        }
        return taken;
    }

    /** One hop of a segment's chain, requested on the bus. */
    Result resume(Work hop, AppCampaigns apps, Instant now) {
        AppCampaigns.App app = apps.fresh(hop.appId(), now);
        AtomicLong seen = new AtomicLong();
        AtomicLong moved = new AtomicLong();
        WalkChains.Hop done = chains.resume(hop, cursor -> page(hop, cursor, app, now, seen, moved), Sweep.inTime(),
                now);
        return new Result(seen.get(), moved.get(), done == WalkChains.Hop.HANDED_ON ? 1 : 0);
    }

    private Optional<String> page(Work segment, String cursor, AppCampaigns.App app, Instant now, AtomicLong seen,
                                  AtomicLong moved) {
        List<Future<?>> moves = new ArrayList<>();
        Optional<String> next = profiles.scanWithDue(segment.appId(), segment.part(), segment.parts(), cursor, pageSize,
                (p, stored) -> {
                    seen.incrementAndGet();
                    Optional<Instant> due = app.nextDue(p, Set.of(), now);
                    if (!due.equals(stored)) {
                        moves.add(workers.submit(() -> {
                            if (profiles.setDue(p, due)) {
                                moved.incrementAndGet();
                            }
                        }));
                    }
                });
        for (Future<?> f : moves) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("backfill of " + segment.appId() + " failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during the backfill", e);
            }
        }
        return next;
    }
}
