package com.mplifecycle.local.schedule;

import com.mplifecycle.local.clock.ControllableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs schedules against a {@link ControllableClock}: a ticker checks every {@value #TICK_MILLIS} ms, and
 * every {@code advance}/{@code set} of the clock triggers a check at once.
 *
 * <p><b>Catch-up rule:</b> when a check finds a schedule due, it fires it <em>once</em>, for the latest
 * occurrence at or before now, however many occurrences the clock skipped. Advancing 15 days therefore
 * runs a five-minute job once (for now's occurrence), not 4,320 times, and a daily job once, for the last
 * day. Missed occurrences in between are dropped, like a scheduler that was offline.
 *
 * <p>Other rules: a rate schedule counts from its registration time; invocations of one schedule never
 * overlap (a due run waits until the previous one ends, then catches up once); if the clock is set back,
 * each schedule's next occurrence is recomputed from the new time. Thread-safe.
 */
public final class LocalScheduler implements AutoCloseable {
    static final long TICK_MILLIS = 200;

    private final ControllableClock clock;
    private final Map<String, ScheduledJob> jobs = new ConcurrentHashMap<>();
    private final List<FailedRun> failedRuns = new CopyOnWriteArrayList<>();
    private final Consumer<Instant> onClockChange = now -> check();
    private final ExecutorService invoker = Executors.newCachedThreadPool(daemonThreads("local-schedule-run-"));
    private final ScheduledExecutorService ticker =
            Executors.newSingleThreadScheduledExecutor(daemonThreads("local-schedule-tick-"));
    private Instant lastCheck;
    private int running;

    public LocalScheduler(ControllableClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Starts watching the clock. */
    public void start() {
        clock.addListener(onClockChange);
        ticker.scheduleWithFixedDelay(this::check, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Parses {@code expression} in {@code zone} and registers it; see {@link #register(String, ScheduleExpression, ScheduledTarget)}. */
    public void register(String id, String expression, ZoneId zone, ScheduledTarget target) {
        register(id, ScheduleExpression.parse(expression, zone), target);
    }

    /** Registers (or replaces) schedule {@code id}; a rate expression is anchored at the clock's current time. */
    public void register(String id, ScheduleExpression expression, ScheduledTarget target) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(target, "target");
        Instant now = clock.instant();
        ScheduleExpression anchored = expression.anchoredAt(now);
        jobs.put(id, new ScheduledJob(id, anchored, target, anchored.nextAfter(now).orElse(null)));
    }

    public boolean unregister(String id) {
        return jobs.remove(id) != null;
    }

    public Set<String> ids() {
        return Set.copyOf(jobs.keySet());
    }

    /** When {@code id} fires next; empty when it never will again. */
    public Optional<Instant> nextFireTime(String id) {
        ScheduledJob job = job(id);
        synchronized (this) {
            return Optional.ofNullable(job.nextDue);
        }
    }

    /**
     * Runs {@code id} now on the calling thread, after any running invocation of it ends, and returns when it
     * is done; the target's exception propagates. Does not move the schedule's next occurrence.
     *
     * @return the time the target was given
     */
    public Instant fireNow(String id) throws Exception {
        ScheduledJob job = job(id);
        Instant now = clock.instant();
        synchronized (this) {
            running++;
        }
        job.invocationLock.lock();
        try {
            job.target.run(now);
            return now;
        } finally {
            job.invocationLock.unlock();
            finished(null);
        }
    }

    /** Scheduled invocations whose target threw, oldest first. */
    public List<FailedRun> failedRuns() {
        return List.copyOf(failedRuns);
    }

    /** Waits until no invocation runs; false if {@code timeout} passed first. */
    public synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (running > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Stops watching the clock; invocations already started run to the end. */
    public void stop() {
        clock.removeListener(onClockChange);
        ticker.shutdownNow();
        invoker.shutdown();
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void check() {
        if (invoker.isShutdown()) {
            return;
        }
        Instant now = clock.instant();
        boolean clockWentBack = lastCheck != null && now.isBefore(lastCheck);
        lastCheck = now;
        for (ScheduledJob job : jobs.values()) {
            if (clockWentBack) {
                job.nextDue = job.expression.nextAfter(now).orElse(null);
            }
            if (!job.running && job.nextDue != null && !job.nextDue.isAfter(now)) {
                Instant occurrence = job.expression.latestAtOrBefore(now).orElse(job.nextDue);
                job.nextDue = job.expression.nextAfter(now).orElse(null);
                start(job, occurrence);
            }
        }
    }

    private void start(ScheduledJob job, Instant occurrence) {
        job.running = true;
        running++;
        try {
            invoker.execute(() -> runScheduled(job, occurrence));
        } catch (RejectedExecutionException e) {
            job.running = false;  // stop() raced this check; nothing will run
            running--;
        }
    }

    private void runScheduled(ScheduledJob job, Instant occurrence) {
        job.invocationLock.lock();
        try {
            job.target.run(occurrence);
        } catch (Exception | Error e) {  // a failing job must not kill the scheduler
            failedRuns.add(new FailedRun(job.id, occurrence, String.valueOf(e)));
        } finally {
            job.invocationLock.unlock();
            finished(job);
        }
    }

    private synchronized void finished(ScheduledJob job) {
        if (job != null) {
            job.running = false;
            check();  // catch up on what came due meanwhile, before awaitIdle can see zero
        }
        running--;
        notifyAll();
    }

    private ScheduledJob job(String id) {
        ScheduledJob job = jobs.get(id);
        if (job == null) {
            throw new IllegalArgumentException("No schedule with id " + id);
        }
        return job;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
