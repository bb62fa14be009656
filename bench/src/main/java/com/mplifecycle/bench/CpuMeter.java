package com.mplifecycle.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * CPU time of this JVM's threads during a measurement, split into DynamoDB Local's (its Jetty
 * threads, named {@code qtp...}) and everyone else's (our handlers, the SDK clients, the harness).
 * Samples every 100 ms so that threads ending mid-run still count up to their last sample.
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
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu < 0) {
                continue;
            }
            lastCpu.put(info.getThreadId(), cpu);
            isDynamo.putIfAbsent(info.getThreadId(), info.getThreadName().startsWith("qtp"));
        }
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
