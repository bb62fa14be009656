package com.mplifecycle.devtools.streams;

/**
 * Counters of one stream event source since start.
 *
 * @param batches invocations of the function (retries included)
 * @param records records the function completed (checkpointed)
 * @param failures invocations that failed: function error, or records reported as failed
 * @param discarded records skipped after retries or record age ran out
 */
public record StreamSourceStats(long batches, long records, long failures, long discarded) {
}
