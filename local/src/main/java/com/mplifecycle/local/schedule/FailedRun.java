package com.mplifecycle.local.schedule;

import java.time.Instant;

/** A scheduled (not {@code fireNow}) invocation whose target threw. */
public record FailedRun(String scheduleId, Instant scheduledTime, String error) {
}
