package com.mplifecycle.aws.orderimport;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;

import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.aws.store.TableKeys;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.lifecycle.OrderImport;
import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.orderfile.CustomerOrders;
import com.mplifecycle.domain.profile.CustomerProfile;

/**
 * Writes imported orders into the profiles of one app: for each chunk of 100 customers one
 * BatchGetItem, the pure {@link OrderImport} merge per customer, and a conditional put per changed
 * profile (BatchWriteItem has no conditions, so puts run in parallel instead). A profile that
 * another writer (the stream function, the daily run) changed in between is reloaded and merged
 * again; because the merge is idempotent, retrying can never count an order twice. A profile the
 * merge leaves equal is not written, which is why a second import of the same file writes nothing.
 *
 * <p>Thread-safe counters; {@code progress} is called after each chunk, one call at a time.
 */
public final class OrderImporter {
    static final int CHUNK = 100;
    static final int MAX_ATTEMPTS = 5;
    static final int FAILURES_LISTED = 20;

    private final ProfileStore profiles;
    private final AppSettings settings;
    private final OrderImport merge;
    private final Clock clock;
    private final int threads;

    public OrderImporter(ProfileStore profiles, AppSettings settings, Clock clock, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        this.profiles = profiles;
        this.settings = settings;
        this.merge = new OrderImport(settings);
        this.clock = clock;
        this.threads = threads;
    }

    public ImportSummary importAll(List<CustomerOrders> customers, Consumer<ImportProgress> progress) {
        Run run = new Run(customers.size(), clock.instant(), progress);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> chunks = new ArrayList<>();
            for (int from = 0; from < customers.size(); from += CHUNK) {
                List<CustomerOrders> chunk = customers.subList(from, Math.min(customers.size(), from + CHUNK));
                chunks.add(pool.submit(() -> run.chunk(chunk)));
            }
            for (Future<?> f : chunks) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return run.summary();
    }

    /** The counters of one {@link #importAll} call. */
    private final class Run {
        private final int total;
        private final Instant now;
        private final Consumer<ImportProgress> progress;
        private final long started = System.nanoTime();
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicLong written = new AtomicLong();
        private final AtomicLong unchanged = new AtomicLong();
        private final AtomicLong added = new AtomicLong();
        private final AtomicLong known = new AtomicLong();
        private final AtomicLong conflicts = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final List<String> failures = new ArrayList<>();
        private final AtomicLongArray stages = new AtomicLongArray(Stage.values().length);

        Run(int total, Instant now, Consumer<ImportProgress> progress) {
            this.total = total;
            this.now = now;
            this.progress = progress;
        }

        void chunk(List<CustomerOrders> chunk) {
            Map<String, CustomerProfile> loaded;
            try {
                loaded = profiles.loadAll(chunk.stream().map(c -> key(c.customerId())).toList());
            } catch (RuntimeException e) {
                chunk.forEach(c -> fail(c, e));
                report(chunk.size());
                return;
            }
            for (CustomerOrders c : chunk) {
                try {
                    one(c, loaded.get(key(c.customerId())));
                } catch (RuntimeException e) {
                    fail(c, e);
                }
            }
            report(chunk.size());
        }

        private void one(CustomerOrders c, CustomerProfile stored) {
            CustomerProfile before = stored != null ? stored : CustomerProfile.empty(settings.appId(), c.customerId());
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                OrderImport.Result r = merge.merge(before, c.openid(), c.orders(), now);
                if (r.profile().equals(before)) {
                    unchanged.incrementAndGet();
                    known.addAndGet(r.known());
                    count(before);
                    return;
                }
                Optional<CustomerProfile> saved = profiles.save(r.profile());
                if (saved.isPresent()) {
                    written.incrementAndGet();
                    added.addAndGet(r.added());
                    known.addAndGet(r.known());
                    count(saved.get());
                    return;
                }
                conflicts.incrementAndGet();
                before = profiles.load(settings.appId(), c.customerId())
                        .orElse(CustomerProfile.empty(settings.appId(), c.customerId()));
            }
            throw new IllegalStateException("profile kept changing under the import after " + MAX_ATTEMPTS
                    + " attempts");
        }

        private void count(CustomerProfile p) {
            if (p.stage() != null) {
                stages.incrementAndGet(p.stage().ordinal());
            }
        }

        private void fail(CustomerOrders c, RuntimeException e) {
            failed.incrementAndGet();
            synchronized (failures) {
                if (failures.size() < FAILURES_LISTED) {
                    failures.add(c.customerId() + ": " + e.getMessage());
                }
            }
        }

        private synchronized void report(int customers) {
            progress.accept(new ImportProgress(done.addAndGet(customers), total, written.get(), added.get(),
                    elapsedMs()));
        }

        private long elapsedMs() {
            return (System.nanoTime() - started) / 1_000_000;
        }

        ImportSummary summary() {
            Map<Stage, Long> byStage = new EnumMap<>(Stage.class);
            for (Stage s : Stage.values()) {
                byStage.put(s, stages.get(s.ordinal()));
            }
            synchronized (failures) {
                return new ImportSummary(total, written.get(), unchanged.get(), added.get(), known.get(),
                        conflicts.get(), failed.get(), failures, byStage, elapsedMs());
            }
        }

        private String key(String customerId) {
            return TableKeys.customer(settings.appId(), customerId);
        }
    }
}
