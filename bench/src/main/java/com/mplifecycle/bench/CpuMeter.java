package com.mplifecycle.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * CPU time of this JVM's threads during a measurement, split into DynamoDB Local's and everyone
 * else's (our handlers, the SDK clients, the harness, the JVM's GC and compiler threads). DynamoDB
 * Local's are its Jetty threads ({@code qtp...}, {@code Scheduler-...}), its one SQLite thread
 * ({@code SQLiteQueue}, where it reads and writes every table) and the unnamed pool threads it parses
 * expressions on, recognised by the frames they are seen running. Samples every 100 ms so that threads
 * ending mid-run still count up to their last sample.
 */
final class CpuMeter implements AutoCloseable {
    record Split(double dynamoLocalSeconds, double otherSeconds, double processSeconds) {
        double otherShare() {
            double t = dynamoLocalSeconds + otherSeconds;
            return t == 0 ? 0 : otherSeconds / t;
        }
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> startCpu = new HashMap<>();
    private final Map<Long, Long> lastCpu = new HashMap<>();
    private final Map<Long, Boolean> isDynamo = new HashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-cpu-sampler");
        t.setDaemon(true);
        return t;
    });
    private final long processStart;

    CpuMeter() {
        processStart = processCpu();
        synchronized (this) {
            for (long id : threads.getAllThreadIds()) {
                long cpu = threads.getThreadCpuTime(id);
                if (cpu >= 0) {
                    startCpu.put(id, cpu);
                }
            }
        }
        sample();
        sampler.scheduleAtFixedRate(this::sample, 100, 100, TimeUnit.MILLISECONDS);
    }

    private synchronized void sample() {
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), STACK_DEPTH)) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu < 0) {
                continue;
            }
            lastCpu.put(info.getThreadId(), cpu);
            // once seen running DynamoDB Local's code, a thread stays counted as DynamoDB Local's
            isDynamo.merge(info.getThreadId(), isDynamoLocal(info), Boolean::logicalOr);
        }
    }

    private static final int STACK_DEPTH = 48;
    private static final List<String> DYNAMO_LOCAL_THREADS = List.of("qtp", "Scheduler-", "SQLiteQueue");
    private static final List<String> DYNAMO_LOCAL_CODE = List.of("com.amazonaws.services.dynamodbv2.",
            "software.amazon.dynamodb.", "com.almworks.sqlite4java.", "org.eclipse.jetty.");

    static boolean isDynamoLocal(ThreadInfo info) {
        for (String prefix : DYNAMO_LOCAL_THREADS) {
            if (info.getThreadName().startsWith(prefix)) {
                return true;
            }
        }
        for (StackTraceElement frame : info.getStackTrace()) {
            for (String prefix : DYNAMO_LOCAL_CODE) {
                if (frame.getClassName().startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    synchronized Split stop() {
        sample();
        sampler.shutdownNow();
        long dynamo = 0;
        long other = 0;
        for (Map.Entry<Long, Long> e : lastCpu.entrySet()) {
            if (Thread.currentThread().getId() == e.getKey()) {
                continue;
            }
            long used = e.getValue() - startCpu.getOrDefault(e.getKey(), 0L);
            if (Boolean.TRUE.equals(isDynamo.get(e.getKey()))) {
                dynamo += used;
            } else {
                other += used;
            }
        }
        return new Split(dynamo / 1e9, other / 1e9, (processCpu() - processStart) / 1e9);
    }

    private static long processCpu() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
