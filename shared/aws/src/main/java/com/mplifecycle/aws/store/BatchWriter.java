package com.mplifecycle.aws.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * BatchWriteItem of up to 25 requests to one table, retrying unprocessed items and errors with
 * exponential backoff and full jitter; {@link StoreUnavailableException} when the table does not
 * take them after {@value #MAX_ATTEMPTS} attempts.
 */
final class BatchWriter {
    static final int MAX_ATTEMPTS = 8;
    private static final long BASE_BACKOFF_MILLIS = 25;

    private final DynamoDbClient db;
    private final String table;

    BatchWriter(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    /** Writes the requests; returns the write capacity units DynamoDB reported. */
    double write(List<WriteRequest> writes) {
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
                    throw new StoreUnavailableException(table + " did not take the batch", e);
                }
                continue;
            }
            if (response.hasConsumedCapacity()) {
                for (ConsumedCapacity c : response.consumedCapacity()) {
                    units += c.capacityUnits() == null ? 0 : c.capacityUnits();
                }
            }
            if (!response.hasUnprocessedItems() || response.unprocessedItems().isEmpty()) {
                return units;
            }
            pending = new HashMap<>(response.unprocessedItems());
        }
        throw new StoreUnavailableException(table + " left items unprocessed after " + MAX_ATTEMPTS
                + " attempts", null);
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
