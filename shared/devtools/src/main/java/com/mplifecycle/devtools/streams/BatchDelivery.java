package com.mplifecycle.devtools.streams;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Invokes the function with one batch and books the outcome: counters, and on-failure records for skipped
 * records. Shared by the shards of one source; thread-safe.
 */
final class BatchDelivery {
    /** What one invocation achieved. */
    record Outcome(int completed, boolean functionError) {
    }

    private final StreamSourceConfig config;
    private final Function<String, String> function;
    private final Consumer<OnFailureRecord> onFailure;
    private final Clock clock;
    private final List<OnFailureRecord> failureRecords = new CopyOnWriteArrayList<>();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong discarded = new AtomicLong();

    BatchDelivery(StreamSourceConfig config, Function<String, String> function, Consumer<OnFailureRecord> onFailure,
            Clock clock) {
        this.config = config;
        this.function = function;
        this.onFailure = onFailure;
        this.clock = clock;
    }

    Clock clock() {
        return clock;
    }

    Outcome invoke(List<ReadRecord> batch) {
        String event = DynamodbEventJson.render(batch, config.awsRegion(), config.streamArn());
        batches.incrementAndGet();
        String response;
        try {
            response = function.apply(event);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            failures.incrementAndGet();
            return new Outcome(0, true);
        }
        // Without ReportBatchItemFailures Lambda ignores what the function returns.
        int completed = config.reportBatchItemFailures() ? BatchResponse.completedPrefix(response, batch) : batch.size();
        records.addAndGet(completed);
        if (completed < batch.size()) {
            failures.incrementAndGet();
        }
        return new Outcome(completed, false);
    }

    /** Gives up on a batch: books it and hands the destination record on. */
    void discard(PendingBatch batch, String condition, String shardId) {
        List<ReadRecord> skipped = batch.records();
        ReadRecord first = skipped.get(0);
        ReadRecord last = skipped.get(skipped.size() - 1);
        OnFailureRecord record = new OnFailureRecord(UUID.randomUUID().toString(), config.functionArn(), condition,
                batch.invocations(), batch.functionError(), clock.instant(), shardId, first.sequenceNumber(),
                last.sequenceNumber(), first.approximateCreation(), last.approximateCreation(), skipped.size(),
                config.streamArn());
        discarded.addAndGet(skipped.size());
        failureRecords.add(record);
        try {
            onFailure.accept(record);
        } catch (RuntimeException e) {
            // A broken destination must not stop the shard; Lambda would only log this.
            System.err.println("on-failure destination of " + config.functionName() + " failed: " + e);
        }
    }

    List<OnFailureRecord> failureRecords() {
        return List.copyOf(failureRecords);
    }

    StreamSourceStats stats() {
        return new StreamSourceStats(batches.get(), records.get(), failures.get(), discarded.get());
    }
}
