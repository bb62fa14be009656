package com.mplifecycle.local.schedule;

import java.time.Instant;

/** What a schedule invokes; receives the occurrence it runs for (for {@code fireNow}, the clock's now). */
@FunctionalInterface
public interface ScheduledTarget {
    void run(Instant scheduledTime) throws Exception;

    /** Adapts a target that does not care about the scheduled time. */
    static ScheduledTarget of(Runnable runnable) {
        return scheduledTime -> runnable.run();
    }
}
