package com.mplifecycle.aws.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Writes event chunks to the events table with BatchWriteItem, retrying unprocessed items. */
public final class EventStore {
    static final int BATCH_LIMIT = 25;

    private final DynamoDbClient db;
    private final String table;
    private final Duration ttl;
    private final BatchWriter batches;

    public EventStore(DynamoDbClient db, String table, Duration ttl) {
        this.db = db;
        this.table = table;
        this.ttl = ttl;
        this.batches = new BatchWriter(db, table);
    }

    /**
     * Stores the chunks; returns the write capacity units DynamoDB reported. Throws
     * {@link StoreUnavailableException} when items stay unprocessed: the request may then be retried
     * whole, since chunk keys make the retry overwrite rather than duplicate.
     */
    public double write(List<EventChunk> chunks, Instant now) {
        double units = 0;
        for (int from = 0; from < chunks.size(); from += BATCH_LIMIT) {
            List<WriteRequest> writes = new ArrayList<>();
            for (EventChunk chunk : chunks.subList(from, Math.min(chunks.size(), from + BATCH_LIMIT))) {
                writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item(chunk, now)).build()).build());
            }
            units += writeWithRetries(writes);
        }
        return units;
    }

    private double writeWithRetries(List<WriteRequest> writes) {
        return batches.write(writes);
    }

    /**
     * Deletes every chunk of one customer (erasure): a query by partition key, keys only, and batch
     * deletes of 25. Returns how many chunks were deleted. The REMOVE records this causes on the
     * stream are ignored by the lifecycle function.
     */
    public int deleteCustomer(String appId, String customerId) {
        return new CustomerPartition(db, table, batches).delete(appId, customerId);
    }

    private Map<String, AttributeValue> item(EventChunk chunk, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableKeys.PK, AttributeValue.fromS(chunk.partitionKey()));
        item.put(TableKeys.SK, AttributeValue.fromS(chunk.sortKey()));
        if (chunk.openid() != null) {
            item.put(EventChunkCodec.OPENID, AttributeValue.fromS(chunk.openid()));
        }
        item.put(EventChunkCodec.EVENTS, EventChunkCodec.eventsAttribute(chunk.events()));
        item.put(EventChunkCodec.RECEIVED, AttributeValue.fromN(Long.toString(now.toEpochMilli())));
        item.put(TableKeys.EXPIRES, AttributeValue.fromN(Long.toString(now.plus(ttl).getEpochSecond())));
        return item;
    }
}
