package com.mplifecycle.devtools.streams;

import java.util.List;

/**
 * A batch taken off a shard and not yet finished.
 *
 * @param invocations how often exactly these records were invoked (becomes approximateInvokeCount)
 * @param retries retry attempts used; bisecting does not use any, as in Lambda
 * @param functionError whether the last invocation ended in a function error
 */
record PendingBatch(List<ReadRecord> records, int invocations, int retries, boolean functionError) {
    PendingBatch {
        records = List.copyOf(records);
    }

    static PendingBatch of(List<ReadRecord> records) {
        return new PendingBatch(records, 0, 0, false);
    }

    int size() {
        return records.size();
    }

    /** The records from {@code index} on, after one more failed invocation. */
    PendingBatch failedFrom(int index, boolean byFunctionError) {
        return new PendingBatch(records.subList(index, records.size()), invocations + 1, retries, byFunctionError);
    }

    PendingBatch withRetry() {
        return new PendingBatch(records, invocations, retries + 1, functionError);
    }

    PendingBatch firstHalf() {
        return new PendingBatch(records.subList(0, records.size() / 2), 0, retries, functionError);
    }

    PendingBatch secondHalf() {
        return new PendingBatch(records.subList(records.size() / 2, records.size()), 0, retries, functionError);
    }

    PendingBatch head(int count) {
        return new PendingBatch(records.subList(0, count), invocations, retries, functionError);
    }

    PendingBatch tail(int from) {
        return new PendingBatch(records.subList(from, records.size()), invocations, retries, functionError);
    }
}
