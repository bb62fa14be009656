package com.mplifecycle.devtools.events;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Invokes rule targets off the caller's thread, retrying with exponential backoff and dead-lettering
 * what still fails, as EventBridge does for a rule's RetryPolicy.
 *
 * <p>A delivery counts as in flight from {@link #submit} until it succeeds or is dead-lettered, including
 * while it waits for a retry, so {@link #awaitIdle} means "nothing left to happen".
 */
final class DeliveryQueue implements AutoCloseable {
    private static final long MAX_BACKOFF_MILLIS = 1_000;

    private final ScheduledExecutorService executor;
    private final long firstBackoffMillis;
    private final Object idle = new Object();
    private int inFlight;
    private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    DeliveryQueue(int threads, Duration firstBackoff) {
        AtomicInteger count = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(threads, runnable -> {
            Thread thread = new Thread(runnable, "local-eventbus-delivery-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.firstBackoffMillis = Math.max(1, firstBackoff.toMillis());
    }

    void submit(Rule rule, String envelope) {
        synchronized (idle) {
            inFlight++;
        }
        try {
            executor.execute(() -> attempt(rule, envelope, 1));
        } catch (RejectedExecutionException e) {
            finish();
            throw e;
        }
    }

    private void attempt(Rule rule, String envelope, int attempt) {
        try {
            rule.target().deliver(envelope);
            delivered.incrementAndGet();
            finish();
        } catch (Exception | Error e) {  // assertion errors from test targets are failures too
            if (attempt <= rule.maximumRetryAttempts() && retryLater(rule, envelope, attempt)) {
                return;
            }
            deadLetters.add(new DeadLetter(rule.busName(), rule.name(), envelope, String.valueOf(e), attempt));
            failed.incrementAndGet();
            finish();
        }
    }

    private boolean retryLater(Rule rule, String envelope, int attempt) {
        long delay = Math.min(MAX_BACKOFF_MILLIS, firstBackoffMillis << Math.min(attempt - 1, 20));
        try {
            executor.schedule(() -> attempt(rule, envelope, attempt + 1), delay, TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException e) {
            return false;  // shutting down: dead-letter instead of losing it silently
        }
    }

    private void finish() {
        synchronized (idle) {
            inFlight--;
            if (inFlight == 0) {
                idle.notifyAll();
            }
        }
    }

    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
            return true;
        }
    }

    List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    long delivered() {
        return delivered.get();
    }

    long failed() {
        return failed.get();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
