package com.mplifecycle.local.schedule;

import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One registered schedule. {@code nextDue} and {@code running} are guarded by the scheduler's monitor;
 * {@code invocationLock} keeps a scheduled run and a {@code fireNow} of the same schedule from overlapping.
 */
final class ScheduledJob {
    final String id;
    final ScheduleExpression expression;
    final ScheduledTarget target;
    final ReentrantLock invocationLock = new ReentrantLock();
    Instant nextDue;
    boolean running;

    ScheduledJob(String id, ScheduleExpression expression, ScheduledTarget target, Instant nextDue) {
        this.id = id;
        this.expression = expression;
        this.target = target;
        this.nextDue = nextDue;
    }
}
