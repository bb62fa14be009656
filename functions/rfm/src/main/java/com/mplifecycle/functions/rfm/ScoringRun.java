package com.mplifecycle.functions.rfm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import com.mplifecycle.aws.bus.StageChangePublisher;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.aws.store.StatisticsStore;
import com.mplifecycle.domain.churn.RepeatSummarySample;
import com.mplifecycle.domain.lifecycle.StageChange;
import com.mplifecycle.domain.profile.CustomerProfile;

/**
 * One full recomputation ({@link #run}) or one invocation's share of a fanned-out one
 * ({@link #tally}, {@link #score}: some of the scan workers' shares, see {@link FanOutRun}).
 * Pass 1 scans the workers' shares in parallel into per-app tallies, pass 2
 * scans again, rescores each page, publishes the page's decays (ten per PutEvents call), then
 * writes each changed profile conditionally on its version. A lost race reloads and redoes that
 * one profile; a decay EventBridge refused is not written, so the next run publishes it again.
 * Memory holds one page per scan worker plus the per-app tallies, whatever the table size; a run of
 * both passes over a table of up to {@link #KEPT_BETWEEN_PASSES} profiles keeps pass 1's pages for
 * pass 2 instead of scanning again (a profile written in between fails its conditional write and is
 * reloaded, as in a scan).
 */
final class ScoringRun {
    static final int MAX_ATTEMPTS = 4;
    /** Profiles a run keeps from pass 1 for pass 2: a few KB each on the heap, well inside the function's memory. */
    static final int KEPT_BETWEEN_PASSES = 20_000;

    /** What a run did; {@code apps} are the stored run records by app id. */
    record Summary(long scanned, long written, long decayed, long conflicts, long failed,
                   Map<String, AppScorer> apps, long elapsedMs) {
    }

    private final ProfileStore profiles;
    private final AppStore apps;
    private final StatisticsStore statistics;
    private final StageChangePublisher publisher;
    private final int scanWorkers;
    private final int sampleCapacity;
    private final int keptBetweenPasses;
    private final Instant now;
    private final Map<String, AppTally> tallies = new ConcurrentHashMap<>();
    private final Map<String, AppScorer> scorers = new ConcurrentHashMap<>();
    private final AtomicLong scanned = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong decayed = new AtomicLong();
    private final AtomicLong conflicts = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    ScoringRun(ProfileStore profiles, AppStore apps, StatisticsStore statistics, StageChangePublisher publisher,
               int scanWorkers, Instant now) {
        this(profiles, apps, statistics, publisher, scanWorkers, RepeatSummarySample.DEFAULT_CAPACITY,
                KEPT_BETWEEN_PASSES, now);
    }

    /**
     * A run over {@code scanWorkers} scan workers whose per-app BG/NBD samples hold {@code sampleCapacity},
     * keeping up to {@code keptBetweenPasses} profiles from pass 1 for pass 2.
     */
    ScoringRun(ProfileStore profiles, AppStore apps, StatisticsStore statistics, StageChangePublisher publisher,
               int scanWorkers, int sampleCapacity, int keptBetweenPasses, Instant now) {
        this.sampleCapacity = sampleCapacity;
        this.keptBetweenPasses = keptBetweenPasses;
        this.profiles = profiles;
        this.apps = apps;
        this.statistics = statistics;
        this.publisher = publisher;
        this.scanWorkers = scanWorkers;
        this.now = now;
    }

    /** Both passes over every scan worker's share, then each app's run record and statistics. */
    Summary run() {
        long started = System.nanoTime();
        List<Integer> all = IntStream.range(0, scanWorkers).boxed().toList();
        Map<Integer, List<List<CustomerProfile>>> kept = new ConcurrentHashMap<>();
        AtomicLong seen = new AtomicLong();
        inParallel(all, worker -> profiles.scan(worker, scanWorkers, page -> {
            page.forEach(this::tally);
            if (seen.addAndGet(page.size()) <= keptBetweenPasses) {
                kept.computeIfAbsent(worker, s -> new ArrayList<>()).add(page);
            }
        }));
        tallies.forEach((appId, tally) -> scorers.put(appId, tally.freeze()));
        if (seen.get() <= keptBetweenPasses) {
            inParallel(all, worker -> kept.getOrDefault(worker, List.of()).forEach(this::rescore));
        } else {
            kept.clear();
            score(all, Map.of());
        }
        scorers.values().forEach(scorer -> {
            apps.putRfmRun(scorer.run());
            statistics.put(scorer.customerStatistics());
        });
        return summary(started);
    }

    /** Pass 1 over some scan workers' shares: the per-app tallies by app id. */
    Map<String, AppTally> tally(List<Integer> some) {
        inParallel(some, worker -> profiles.scan(worker, scanWorkers, page -> page.forEach(this::tally)));
        return new TreeMap<>(tallies);
    }

    /** Pass 2 over some scan workers' shares with the given scorers (added to those of this run's pass 1). */
    Summary score(List<Integer> some, Map<String, AppScorer> given) {
        long started = System.nanoTime();
        scorers.putAll(given);
        inParallel(some, worker -> profiles.scan(worker, scanWorkers, this::rescore));
        return summary(started);
    }

    private Summary summary(long started) {
        return new Summary(scanned.get(), written.get(), decayed.get(), conflicts.get(), failed.get(),
                new TreeMap<>(scorers), (System.nanoTime() - started) / 1_000_000);
    }

    private void tally(CustomerProfile p) {
        tallies.computeIfAbsent(p.appId(), id -> new AppTally(apps.settingsOrDefaults(id), now, sampleCapacity)).add(p);
    }

    private void rescore(List<CustomerProfile> page) {
        List<AppScorer.Rescored> changed = new ArrayList<>();
        for (CustomerProfile p : page) {
            AppScorer scorer = scorers.get(p.appId());
            if (scorer == null) {
                continue; // an app whose first profile arrived after pass 1: scored next run
            }
            scanned.incrementAndGet();
            AppScorer.Rescored r = scorer.rescore(p);
            if (r.changed()) {
                changed.add(r);
            } else {
                scorer.count(p);
            }
        }
        List<StageChange> decays = changed.stream().flatMap(r -> r.decay().stream()).toList();
        Set<StageChange> refused = new HashSet<>(decays.isEmpty() ? List.of() : publisher.publish(decays));
        for (AppScorer.Rescored r : changed) {
            AppScorer scorer = scorers.get(r.profile().appId());
            if (r.decay().isPresent() && refused.contains(r.decay().get())) {
                failed.incrementAndGet();
                continue;
            }
            Optional<CustomerProfile> saved = profiles.save(r.profile());
            if (saved.isPresent()) {
                note(scorer, r);
            } else {
                conflicts.incrementAndGet();
                redo(scorer, r.profile());
            }
        }
    }

    /** The profile changed between scan and write: reload, rescore, publish, write again. */
    private void redo(AppScorer scorer, CustomerProfile stale) {
        for (int attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<CustomerProfile> fresh = profiles.load(stale.appId(), stale.customerId());
            if (fresh.isEmpty()) {
                return; // erased meanwhile
            }
            AppScorer.Rescored r = scorer.rescore(fresh.get());
            if (!r.changed()) {
                scorer.count(fresh.get());
                return;
            }
            if (r.decay().isPresent() && !publisher.publish(List.of(r.decay().get())).isEmpty()) {
                failed.incrementAndGet();
                return;
            }
            if (profiles.save(r.profile()).isPresent()) {
                note(scorer, r);
                return;
            }
            conflicts.incrementAndGet();
        }
        failed.incrementAndGet();
    }

    private void note(AppScorer scorer, AppScorer.Rescored r) {
        written.incrementAndGet();
        if (r.decay().isPresent()) {
            decayed.incrementAndGet();
        }
        scorer.count(r.profile());
    }

    private void inParallel(List<Integer> some, IntConsumer perWorker) {
        ExecutorService pool = Executors.newFixedThreadPool(some.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int worker : some) {
                running.add(pool.submit(() -> perWorker.accept(worker)));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scanning", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
