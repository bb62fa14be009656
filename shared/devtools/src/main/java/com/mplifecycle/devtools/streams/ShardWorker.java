package com.mplifecycle.devtools.streams;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Feeds one shard to the function with the event source mapping's semantics: batches in shard order, one in
 * flight, retried (and bisected) until done, exhausted or too old; later records wait behind a failing batch.
 *
 * <p>Not thread-safe: the source's poller thread calls {@link #step()}.
 */
final class ShardWorker {
    /** Pause before retrying a failed batch; Lambda backs off too, and a poison record must not spin a core. */
    static final Duration RETRY_DELAY = Duration.ofMillis(50);

    private final ShardCursor cursor;
    private final StreamSourceConfig config;
    private final BatchDelivery delivery;
    private final Deque<PendingBatch> pending = new ArrayDeque<>();
    private final List<ReadRecord> buffer = new ArrayList<>();
    private Instant bufferSince;
    private Instant retryAt = Instant.MIN;

    ShardWorker(ShardCursor cursor, StreamSourceConfig config, BatchDelivery delivery) {
        this.cursor = cursor;
        this.config = config;
        this.delivery = delivery;
    }

    String shardId() {
        return cursor.shardId();
    }

    String parentShardId() {
        return cursor.parentShardId();
    }

    /** Nothing held, and the last read found nothing new (or the shard is over). */
    boolean idle() {
        return pending.isEmpty() && buffer.isEmpty() && (cursor.ended() || cursor.caughtUp());
    }

    /** Closed, read to the end and delivered: its children may start. */
    boolean finished() {
        return cursor.ended() && pending.isEmpty() && buffer.isEmpty();
    }

    /** One unit of work: a retry, or a read and maybe an invocation. True when it did something. */
    boolean step() {
        Instant now = delivery.clock().instant();
        if (!pending.isEmpty()) {
            if (now.isBefore(retryAt)) {
                return false;
            }
            deliverHead(now);
            return true;
        }
        boolean progressed = false;
        if (buffer.size() < config.batchSize() && !cursor.ended()) {
            List<Record> read = cursor.read(config.batchSize() - buffer.size());
            if (!read.isEmpty()) {
                if (buffer.isEmpty()) {
                    bufferSince = now;
                }
                read.forEach(record -> buffer.add(new ReadRecord(record, now)));
                progressed = true;
            }
        }
        if (!buffer.isEmpty() && batchDue(now)) {
            pending.add(PendingBatch.of(buffer));
            buffer.clear();
            deliverHead(now);
            progressed = true;
        }
        return progressed;
    }

    private boolean batchDue(Instant now) {
        return buffer.size() >= config.batchSize()
                || cursor.ended()
                || !now.isBefore(bufferSince.plusSeconds(config.maxBatchingWindowSeconds()));
    }

    private void deliverHead(Instant now) {
        PendingBatch batch = withoutExpired(pending.pollFirst(), now);
        if (batch == null) {
            return;
        }
        BatchDelivery.Outcome outcome = delivery.invoke(batch.records());
        if (outcome.completed() == batch.size()) {
            return;
        }
        // Records before the lowest failure are checkpointed; the rest is retried as one batch.
        PendingBatch rest = batch.failedFrom(outcome.completed(), outcome.functionError());
        if (outcome.functionError() && config.bisectOnError() && rest.size() > 1) {
            pending.addFirst(rest.secondHalf());
            pending.addFirst(rest.firstHalf());
            return;
        }
        PendingBatch retry = rest.withRetry();
        if (!config.retriesForever() && retry.retries() > config.maxRetryAttempts()) {
            delivery.discard(rest, "RetryAttemptsExhausted", shardId());
            return;
        }
        pending.addFirst(retry);
        retryAt = now.plus(RETRY_DELAY);
    }

    /** Skips the leading records older than MaximumRecordAgeInSeconds; null when none is left. */
    private PendingBatch withoutExpired(PendingBatch batch, Instant now) {
        if (config.maxRecordAgeSeconds() < 0) {
            return batch;
        }
        Instant oldestAllowed = now.minusSeconds(config.maxRecordAgeSeconds());
        int expired = 0;
        while (expired < batch.size() && batch.records().get(expired).latestPossibleCreation().isBefore(oldestAllowed)) {
            expired++;
        }
        if (expired == 0) {
            return batch;
        }
        delivery.discard(batch.head(expired), "RecordAgeExceeded", shardId());
        return expired == batch.size() ? null : batch.tail(expired);
    }
}
