package com.mplifecycle.aws.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.mplifecycle.domain.profile.CustomerProfile;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/** Reads and writes profiles; writes are conditional on the version read (optimistic locking). */
public final class ProfileStore {
    static final int BATCH_GET_LIMIT = 100;

    private final DynamoDbClient db;
    private final String table;

    public ProfileStore(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    public Optional<CustomerProfile> load(String appId, String customerId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(TableKeys.customer(appId, customerId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ProfileCodec.profile(item));
    }

    /** Loads many profiles by customer key (see {@link TableKeys#customer}); absent ones are missing. */
    public Map<String, CustomerProfile> loadAll(List<String> customerKeys) {
        Map<String, CustomerProfile> found = new HashMap<>();
        for (int from = 0; from < customerKeys.size(); from += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (String k : customerKeys.subList(from, Math.min(customerKeys.size(), from + BATCH_GET_LIMIT))) {
                keys.add(key(k));
            }
            Map<String, KeysAndAttributes> request = Map.of(table,
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> current = request;
                BatchGetItemResponse response = db.batchGetItem(b -> b.requestItems(current));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                    found.put(item.get(TableKeys.PK).s(), ProfileCodec.profile(item));
                }
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return found;
    }

    /**
     * One segment of a parallel scan, page by page (at most 1 MB of items each), read lazily so
     * that memory does not grow with the table. Each page is handed over as it arrives.
     */
    public void scan(int segment, int totalSegments, Consumer<List<CustomerProfile>> page) {
        if (segment < 0 || segment >= totalSegments) {
            throw new IllegalArgumentException("segment " + segment + " outside 0.." + (totalSegments - 1));
        }
        for (ScanResponse response : db.scanPaginator(b -> b.tableName(table).segment(segment)
                .totalSegments(totalSegments))) {
            page.accept(response.items().stream().map(ProfileCodec::profile).toList());
        }
    }

    /**
     * Writes the profile if nobody wrote it since it was read at {@code profile.version()} (0 for a
     * new profile). Returns the stored profile with its new version, or empty on a conflict.
     */
    public Optional<CustomerProfile> save(CustomerProfile profile) {
        long expected = profile.version();
        CustomerProfile next = profile.toBuilder().version(expected + 1).build();
        try {
            db.putItem(b -> {
                b.tableName(table).item(ProfileCodec.item(next));
                if (expected == 0) {
                    b.conditionExpression("attribute_not_exists(#pk)")
                            .expressionAttributeNames(Map.of("#pk", TableKeys.PK));
                } else {
                    b.conditionExpression("#v = :v")
                            .expressionAttributeNames(Map.of("#v", ProfileCodec.VERSION))
                            .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(expected))));
                }
            });
            return Optional.of(next);
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    private static Map<String, AttributeValue> key(String customerKey) {
        return Map.of(TableKeys.PK, AttributeValue.fromS(customerKey));
    }
}
