package com.mplifecycle.local.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mplifecycle.local.clock.ControllableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalSchedulerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Instant START = Instant.parse("2026-05-01T00:00:00Z");
    private static final ZoneId UTC = ZoneOffset.UTC;

    private final ControllableClock clock = new ControllableClock(Clock.fixed(START, UTC));
    private final LocalScheduler scheduler = new LocalScheduler(clock);

    @AfterEach
    void stop() {
        scheduler.stop();
    }

    @Test
    void advance_fifteenDays_firesEachScheduleOnceForLatestOccurrence() throws Exception {
        List<Instant> rateRuns = new CopyOnWriteArrayList<>();
        List<Instant> dailyRuns = new CopyOnWriteArrayList<>();
        scheduler.register("RfmRecompute", "rate(5 minutes)", UTC, rateRuns::add);
        scheduler.register("ChurnScan", "cron(0 3 * * ? *)", ZoneId.of("Asia/Shanghai"), dailyRuns::add);
        scheduler.start();

        clock.advance(Duration.ofDays(15));

        assertTrue(scheduler.awaitIdle(WAIT));
        assertEquals(List.of(START.plus(Duration.ofDays(15))), rateRuns);
        assertEquals(List.of(Instant.parse("2026-05-15T19:00:00Z")), dailyRuns);
    }

    @Test
    void advance_justBeforeNextOccurrence_firesNothingThenFiresAtIt() throws Exception {
        List<Instant> runs = new CopyOnWriteArrayList<>();
        scheduler.register("RfmRecompute", "rate(5 minutes)", UTC, runs::add);
        scheduler.start();

        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertTrue(scheduler.awaitIdle(WAIT));
        List<Instant> beforeDue = List.copyOf(runs);
        clock.advance(Duration.ofSeconds(1));
        assertTrue(scheduler.awaitIdle(WAIT));

        assertEquals(List.of(), beforeDue);
        assertEquals(List.of(START.plus(Duration.ofMinutes(5))), runs);
    }

    @Test
    void fireNow_registeredSchedule_runsSynchronouslyOnCallerThread() throws Exception {
        List<String> threads = new CopyOnWriteArrayList<>();
        scheduler.register("ChurnScan", "cron(0 3 * * ? *)", UTC, time -> threads.add(Thread.currentThread().getName()));

        Instant given = scheduler.fireNow("ChurnScan");

        assertEquals(START, given);
        assertEquals(List.of(Thread.currentThread().getName()), threads);
        assertEquals(Instant.parse("2026-05-01T03:00:00Z"), scheduler.nextFireTime("ChurnScan").orElseThrow());
    }

    @Test
    void fireNow_targetThrows_exceptionPropagates() {
        scheduler.register("Broken", "rate(1 hour)", UTC, time -> {
            throw new IllegalStateException("job failed");
        });

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> scheduler.fireNow("Broken"));

        assertEquals("job failed", thrown.getMessage());
    }

    @Test
    void fireNow_unknownId_throwsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> scheduler.fireNow("Nope"));
    }

    @Test
    void advance_whileInvocationRuns_neverOverlapsAndCatchesUpOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        List<Instant> runs = new CopyOnWriteArrayList<>();
        scheduler.register("Slow", "rate(1 minute)", UTC, time -> {
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            runs.add(time);
            release.await(10, TimeUnit.SECONDS);
            concurrent.decrementAndGet();
        });
        scheduler.start();

        clock.advance(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        release.countDown();
        assertTrue(scheduler.awaitIdle(WAIT));

        assertEquals(1, maxConcurrent.get());
        assertEquals(List.of(START.plus(Duration.ofMinutes(1)), START.plus(Duration.ofMinutes(3))), runs);
    }

    @Test
    void scheduledRun_targetThrows_recordedAndScheduleKeepsRunning() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        scheduler.register("Flaky", "rate(1 hour)", UTC, time -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("first run fails");
            }
        });
        scheduler.start();

        clock.advance(Duration.ofHours(1));
        assertTrue(scheduler.awaitIdle(WAIT));
        clock.advance(Duration.ofHours(1));
        assertTrue(scheduler.awaitIdle(WAIT));

        assertEquals(2, calls.get());
        assertEquals(List.of(new FailedRun("Flaky", START.plus(Duration.ofHours(1)),
                "java.lang.IllegalStateException: first run fails")), scheduler.failedRuns());
    }

    @Test
    void set_clockMovedBack_nextOccurrenceRecomputed() throws Exception {
        List<Instant> runs = new CopyOnWriteArrayList<>();
        scheduler.register("Daily", "cron(0 3 * * ? *)", UTC, runs::add);
        scheduler.start();
        clock.advance(Duration.ofDays(2));
        assertTrue(scheduler.awaitIdle(WAIT));

        clock.set(START);
        clock.advance(Duration.ofHours(4));
        assertTrue(scheduler.awaitIdle(WAIT));

        assertEquals(List.of(Instant.parse("2026-05-02T03:00:00Z"), Instant.parse("2026-05-01T03:00:00Z")), runs);
    }

    @Test
    void ticker_realTimeClock_firesWithoutClockChange() throws Exception {
        ControllableClock running = new ControllableClock();
        LocalScheduler realTime = new LocalScheduler(running);
        CountDownLatch fired = new CountDownLatch(1);
        realTime.register("Soon", "rate(1 minute)", UTC, time -> fired.countDown());
        realTime.start();
        try {
            running.advance(Duration.ofSeconds(59).plusMillis(700));

            assertTrue(fired.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        } finally {
            realTime.stop();
        }
    }
}
