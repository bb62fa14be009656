package com.mplifecycle.aws.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mplifecycle.aws.json.RecordJson;
import com.mplifecycle.domain.feedback.FeedbackCategory;
import com.mplifecycle.domain.feedback.FeedbackItem;
import com.mplifecycle.domain.feedback.FeedbackStatus;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * An app's feedback inbox in the apps table: one item per feedback under the app's partition,
 * sort key {@code feedback#{feedbackId}} (ids start with the time, so a backward query is newest
 * first), the item as JSON in {@code doc} (an operator's change is conditional on it) and, for
 * filters, {@code cust}, {@code cat} and {@code st}. Feedback volumes are small beside events: listing,
 * statistics and erasure query the app's items directly.
 */
public final class FeedbackStore {
    /** As long as the raw events are kept. */
    static final Duration KEPT = Duration.ofDays(400);
    static final String CUSTOMER = "cust";
    static final String CATEGORY = "cat";
    static final String STATUS = "st";

    /** One page of a listing; {@code cursor} is null on the last page. */
    public record Page(List<FeedbackItem> items, String cursor) {
        public Page {
            items = List.copyOf(items);
        }
    }

    /** What to list: each filter null for any; {@code from}/{@code to} bound the received time (to exclusive). */
    public record Filter(FeedbackStatus status, FeedbackCategory category, Instant from, Instant to) {
        public static final Filter ALL = new Filter(null, null, null, null);
    }

    private final DynamoDbClient db;
    private final String table;

    public FeedbackStore(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    /**
     * Stores items not stored yet; an item already there (a redelivered event, or one an operator has
     * handled since) is left as it is. Returns how many were new.
     */
    public int receive(String appId, List<FeedbackItem> items) {
        int stored = 0;
        for (FeedbackItem item : items) {
            try {
                db.putItem(b -> b.tableName(table).item(item(appId, item))
                        .conditionExpression("attribute_not_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", TableKeys.PK)));
                stored++;
            } catch (ConditionalCheckFailedException e) {
                // already in the inbox
            }
        }
        return stored;
    }

    public Optional<FeedbackItem> get(String appId, String feedbackId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(appId, feedbackId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
    }

    /**
     * Replaces {@code before} by {@code after} if nobody changed it since it was read (its document is
     * still the one read); false on a conflict.
     */
    public boolean update(String appId, FeedbackItem before, FeedbackItem after) {
        try {
            db.putItem(b -> b.tableName(table).item(item(appId, after))
                    .conditionExpression("#doc = :before")
                    .expressionAttributeNames(Map.of("#doc", AppDocuments.DOC))
                    .expressionAttributeValues(Map.of(":before", AttributeValue.fromS(RecordJson.write(before)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Newest first, at most {@code limit}, after the item {@code cursor} names (null: from the newest). */
    public Page list(String appId, Filter filter, String cursor, int limit) {
        List<FeedbackItem> items = new ArrayList<>();
        Map<String, AttributeValue> start = cursor == null ? null : key(appId, cursor);
        // DynamoDB refuses a start key outside the range's keys: a cursor kept while the days changed
        if (cursor != null && TableKeys.feedback(cursor).compareTo(low(filter)) <= 0) {
            return new Page(List.of(), null); // nothing received in the days is older than the cursor
        }
        if (cursor != null && TableKeys.feedback(cursor).compareTo(high(filter)) >= 0) {
            start = null; // everything received in the days is older than the cursor
        }
        while (items.size() <= limit) {
            QueryResponse page = db.query(query(appId, filter, start, limit + 1 - items.size()));
            page.items().forEach(i -> items.add(read(i)));
            if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) {
                break;
            }
            start = page.lastEvaluatedKey();
        }
        return items.size() > limit ? new Page(items.subList(0, limit), items.get(limit - 1).feedbackId())
                : new Page(items, null);
    }

    /** Every item received in the range (statistics). */
    public List<FeedbackItem> all(String appId, Instant from, Instant to) {
        List<FeedbackItem> items = new ArrayList<>();
        for (QueryResponse page : db.queryPaginator(query(appId, new Filter(null, null, from, to), null, 0))) {
            page.items().forEach(i -> items.add(read(i)));
        }
        return items;
    }

    /** Deletes the customer's feedback (erasure): one query over the app's inbox, one delete per item. */
    public int deleteCustomer(String appId, String customerId) {
        int deleted = 0;
        for (QueryResponse page : db.queryPaginator(b -> b.tableName(table)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .filterExpression("#cust = :cust")
                .projectionExpression("#pk, #sk")
                .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#sk", TableKeys.SK, "#cust", CUSTOMER))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(appId),
                        ":prefix", AttributeValue.fromS(TableKeys.FEEDBACK_SK_PREFIX),
                        ":cust", AttributeValue.fromS(customerId))))) {
            for (Map<String, AttributeValue> item : page.items()) {
                db.deleteItem(b -> b.tableName(table).key(Map.of(TableKeys.PK, item.get(TableKeys.PK),
                        TableKeys.SK, item.get(TableKeys.SK))));
                deleted++;
            }
        }
        return deleted;
    }

    private QueryRequest query(String appId, Filter filter, Map<String, AttributeValue> start, int limit) {
        Map<String, String> names = new HashMap<>(Map.of("#pk", TableKeys.PK, "#sk", TableKeys.SK));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", AttributeValue.fromS(appId));
        values.put(":lo", AttributeValue.fromS(low(filter)));
        values.put(":hi", AttributeValue.fromS(high(filter)));
        List<String> conditions = new ArrayList<>();
        if (filter.status() != null) {
            names.put("#st", STATUS);
            values.put(":st", AttributeValue.fromS(filter.status().wireName()));
            conditions.add("#st = :st");
        }
        if (filter.category() != null) {
            names.put("#cat", CATEGORY);
            values.put(":cat", AttributeValue.fromS(filter.category().wireName()));
            conditions.add("#cat = :cat");
        }
        QueryRequest.Builder b = QueryRequest.builder().tableName(table)
                // ids are "{13-digit ms}-{hex}": every id of a time ≥ from sorts above lo, every id below to under hi
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :lo AND :hi")
                .expressionAttributeNames(names).expressionAttributeValues(values)
                .scanIndexForward(false).consistentRead(true);
        if (!conditions.isEmpty()) {
            b.filterExpression(String.join(" AND ", conditions));
        }
        if (start != null) {
            b.exclusiveStartKey(start);
        }
        if (limit > 0) {
            b.limit(Math.max(limit, 25));
        }
        return b.build();
    }

    /** The lowest sort key of the filter's range: below every item received at or after {@code from}. */
    private static String low(Filter filter) {
        return TableKeys.feedback(filter.from() == null ? ""
                : String.format("%013d", Math.max(0, filter.from().toEpochMilli())));
    }

    /** The highest sort key of the filter's range: above every item received before {@code to}. */
    private static String high(Filter filter) {
        return TableKeys.feedback(filter.to() == null ? "~"
                : String.format("%013d", Math.max(0, filter.to().toEpochMilli())));
    }

    private static Map<String, AttributeValue> item(String appId, FeedbackItem item) {
        Map<String, AttributeValue> m = new HashMap<>(key(appId, item.feedbackId()));
        m.put(AppDocuments.DOC, AttributeValue.fromS(RecordJson.write(item)));
        m.put(CUSTOMER, AttributeValue.fromS(item.customerId()));
        m.put(CATEGORY, AttributeValue.fromS(item.category().wireName()));
        m.put(STATUS, AttributeValue.fromS(item.status().wireName()));
        m.put(TableKeys.EXPIRES, AttributeValue.fromN(Long.toString(item.receivedAt().plus(KEPT).getEpochSecond())));
        return m;
    }

    private static FeedbackItem read(Map<String, AttributeValue> item) {
        return RecordJson.read(item.get(AppDocuments.DOC).s(), FeedbackItem.class);
    }

    private static Map<String, AttributeValue> key(String appId, String feedbackId) {
        return Map.of(TableKeys.PK, AttributeValue.fromS(appId), TableKeys.SK, AttributeValue.fromS(TableKeys.feedback(feedbackId)));
    }
}
