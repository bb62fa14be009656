package com.mplifecycle.devtools.streams;

import java.util.List;

import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The read position in one shard. Records are read once; retries replay them from memory, so the position
 * only moves forward. Not thread-safe: one poller owns it.
 */
final class ShardCursor {
    /** GetRecords returns at most this many records per call. */
    private static final int MAX_LIMIT = 1000;

    private final DynamoDbStreamsClient client;
    private final String streamArn;
    private final Shard shard;
    private final ShardIteratorType start;
    private String iterator;
    private String lastSequenceNumber;
    private boolean ended;
    private boolean caughtUp;

    private ShardCursor(DynamoDbStreamsClient client, String streamArn, Shard shard, ShardIteratorType start) {
        this.client = client;
        this.streamArn = streamArn;
        this.shard = shard;
        this.start = start;
    }

    /** Takes the iterator now, so that LATEST means "after this call". */
    static ShardCursor open(DynamoDbStreamsClient client, String streamArn, Shard shard, ShardIteratorType start) {
        ShardCursor cursor = new ShardCursor(client, streamArn, shard, start);
        cursor.iterator = cursor.iterator(start, null);
        return cursor;
    }

    /** A shard with nothing to read for this source (closed before a LATEST start). */
    static ShardCursor ended(DynamoDbStreamsClient client, String streamArn, Shard shard) {
        ShardCursor cursor = new ShardCursor(client, streamArn, shard, ShardIteratorType.LATEST);
        cursor.ended = true;
        return cursor;
    }

    String shardId() {
        return shard.shardId();
    }

    String parentShardId() {
        return shard.parentShardId();
    }

    /** Closed and read to its end. */
    boolean ended() {
        return ended;
    }

    /** The last read found nothing new. */
    boolean caughtUp() {
        return caughtUp;
    }

    List<Record> read(int wanted) {
        if (ended) {
            return List.of();
        }
        GetRecordsResponse response;
        try {
            response = getRecords(wanted);
        } catch (ExpiredIteratorException e) {
            iterator = lastSequenceNumber == null
                    ? iterator(start, null) : iterator(ShardIteratorType.AFTER_SEQUENCE_NUMBER, lastSequenceNumber);
            response = getRecords(wanted);
        } catch (TrimmedDataAccessException e) {
            // The records we pointed at expired from the stream: continue with the oldest that remain.
            iterator = iterator(ShardIteratorType.TRIM_HORIZON, null);
            response = getRecords(wanted);
        }
        List<Record> records = response.records();
        iterator = response.nextShardIterator();
        ended = iterator == null;
        caughtUp = records.isEmpty();
        if (!records.isEmpty()) {
            lastSequenceNumber = records.get(records.size() - 1).dynamodb().sequenceNumber();
        }
        return records;
    }

    private GetRecordsResponse getRecords(int wanted) {
        int limit = Math.min(wanted, MAX_LIMIT);
        return client.getRecords(b -> b.shardIterator(iterator).limit(limit));
    }

    private String iterator(ShardIteratorType type, String sequenceNumber) {
        return client.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId())
                .shardIteratorType(type).sequenceNumber(sequenceNumber)).shardIterator();
    }
}
