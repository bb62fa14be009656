package com.mplifecycle.aws.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Writes event chunks to the events table with BatchWriteItem, retrying unprocessed items. */
public final class EventStore {
    static final int BATCH_LIMIT = 25;
    static final int MAX_ATTEMPTS = 8;
    private static final long BASE_BACKOFF_MILLIS = 25;

    private final DynamoDbClient db;
    private final String table;
    private final Duration ttl;

    public EventStore(DynamoDbClient db, String table, Duration ttl) {
        this.db = db;
        this.table = table;
        this.ttl = ttl;
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
        Map<String, List<WriteRequest>> pending = Map.of(table, writes);
        double units = 0;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            if (attempt > 0) {
                backoff(attempt);
            }
            BatchWriteItemResponse response;
            try {
                Map<String, List<WriteRequest>> request = pending;
                response = db.batchWriteItem(b -> b.requestItems(request)
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            } catch (SdkException e) {
                if (attempt == MAX_ATTEMPTS - 1) {
                    throw new StoreUnavailableException("events table did not take the batch", e);
                }
                continue;
            }
            if (response.hasConsumedCapacity()) {
                units += response.consumedCapacity().stream().mapToDouble(c -> c.capacityUnits() == null ? 0
                        : c.capacityUnits()).sum();
            }
            if (!response.hasUnprocessedItems() || response.unprocessedItems().isEmpty()) {
                return units;
            }
            pending = new HashMap<>(response.unprocessedItems());
        }
        throw new StoreUnavailableException("events table left items unprocessed after " + MAX_ATTEMPTS
                + " attempts", null);
    }

    /**
     * Deletes every chunk of one customer (erasure): a query by partition key, keys only, and batch
     * deletes of 25. Returns how many chunks were deleted. The REMOVE records this causes on the
     * stream are ignored by the lifecycle function.
     */
    public int deleteCustomer(String appId, String customerId) {
        String pk = TableKeys.customer(appId, customerId);
        List<WriteRequest> deletes = new ArrayList<>();
        int deleted = 0;
        for (var page : db.queryPaginator(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk").projectionExpression("#pk, #sk")
                .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#sk", TableKeys.SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk))))) {
            for (Map<String, AttributeValue> key : page.items()) {
                deletes.add(WriteRequest.builder().deleteRequest(d -> d.key(key)).build());
                if (deletes.size() == BATCH_LIMIT) {
                    writeWithRetries(List.copyOf(deletes));
                    deleted += deletes.size();
                    deletes.clear();
                }
            }
        }
        if (!deletes.isEmpty()) {
            writeWithRetries(deletes);
            deleted += deletes.size();
        }
        return deleted;
    }

    private Map<String, AttributeValue> item(EventChunk chunk, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableKeys.PK, AttributeValue.fromS(chunk.partitionKey()));
        item.put(TableKeys.SK, AttributeValue.fromS(chunk.sortKey()));
        if (chunk.openid() != null) {
            item.put(EventChunkCodec.OPENID, AttributeValue.fromS(chunk.openid()));
        }
        item.put(EventChunkCodec.EVENTS, AttributeValue.fromS(EventChunkCodec.eventsJson(chunk.events())));
        item.put(EventChunkCodec.RECEIVED, AttributeValue.fromN(Long.toString(now.toEpochMilli())));
        item.put(TableKeys.EXPIRES, AttributeValue.fromN(Long.toString(now.plus(ttl).getEpochSecond())));
        return item;
    }

    /** Exponential backoff with full jitter, as the SDK's own retry strategy does. */
    private static void backoff(int attempt) {
        long cap = BASE_BACKOFF_MILLIS << Math.min(attempt, 6);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while retrying", e);
        }
    }
}
