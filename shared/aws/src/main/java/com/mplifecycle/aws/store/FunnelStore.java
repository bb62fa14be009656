package com.mplifecycle.aws.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.domain.stats.FunnelProgress;
import com.mplifecycle.domain.stats.FunnelStep;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The funnel, maintained by the stream consumer in the apps table: per customer and local day a
 * progress item (steps reached, when the last was), and per app and day one counter item with the
 * customers that reached each step. A progress change and its counter increments are one
 * transaction conditional on the progress read, so a redelivered record (which advances nothing)
 * or a lost race never counts twice. Progress items expire after {@link #PROGRESS_KEPT}.
 */
public final class FunnelStore {
    /** Longer than any stream record lives (24 h) plus the ingest clock-skew allowance. */
    static final Duration PROGRESS_KEPT = Duration.ofDays(8);
    static final int MAX_ATTEMPTS = 4;
    private static final String REACHED = "n";
    private static final String REACHED_AT = "at";

    private final DynamoDbClient db;
    private final String table;
    private final Clock clock;

    public FunnelStore(DynamoDbClient db, String table, Clock clock) {
        this.db = db;
        this.table = table;
        this.clock = clock;
    }

    /** Advances the customer's progress of one local day by that day's events; idempotent. */
    public void advance(String appId, String customerId, LocalDate day, List<TrackedEvent> eventsOfDay) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Map<String, AttributeValue> key = progressKey(appId, customerId, day);
            Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table).consistentRead(true).key(key)).item();
            boolean exists = item != null && !item.isEmpty();
            FunnelProgress before = exists ? new FunnelProgress(Integer.parseInt(item.get(REACHED).n()),
                    Instant.ofEpochMilli(Long.parseLong(item.get(REACHED_AT).n()))) : FunnelProgress.NONE;
            FunnelProgress after = before.advance(eventsOfDay);
            List<FunnelStep> reached = before.newlyReached(after);
            if (reached.isEmpty()) {
                return;
            }
            try {
                db.transactWriteItems(b -> b.transactItems(
                        TransactWriteItem.builder().put(progressPut(key, after, exists ? before : null, day)).build(),
                        TransactWriteItem.builder().update(counterUpdate(appId, day, reached)).build()));
                return;
            } catch (TransactionCanceledException e) {
                // another batch advanced the same day meanwhile: read again
            }
        }
        throw new StoreUnavailableException("funnel progress kept changing", null);
    }

    /** Customers per step for each day from {@code from} to {@code to} inclusive that has any. */
    public Map<LocalDate, Map<FunnelStep, Long>> days(String appId, LocalDate from, LocalDate to) {
        Map<LocalDate, Map<FunnelStep, Long>> out = new java.util.TreeMap<>();
        for (var page : db.queryPaginator(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#sk", TableKeys.SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(appId),
                        ":from", AttributeValue.fromS(TableKeys.FUNNEL_DAY_SK_PREFIX + from),
                        ":to", AttributeValue.fromS(TableKeys.FUNNEL_DAY_SK_PREFIX + to))))) {
            for (Map<String, AttributeValue> item : page.items()) {
                Map<FunnelStep, Long> steps = new EnumMap<>(FunnelStep.class);
                for (FunnelStep s : FunnelStep.values()) {
                    AttributeValue v = item.get(s.wireName());
                    steps.put(s, v == null ? 0 : Long.parseLong(v.n()));
                }
                out.put(LocalDate.parse(item.get(TableKeys.SK).s().substring(TableKeys.FUNNEL_DAY_SK_PREFIX.length())),
                        steps);
            }
        }
        return out;
    }

    /** Deletes a customer's progress items (erasure); the day counters hold no customer data. */
    public void deleteCustomer(String appId, String customerId) {
        String pk = TableKeys.funnelProgress(appId, customerId);
        for (var page : db.queryPaginator(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk").projectionExpression("#pk, #sk")
                .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#sk", TableKeys.SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk))))) {
            page.items().forEach(key -> db.deleteItem(b -> b.tableName(table).key(key)));
        }
    }

    private Put progressPut(Map<String, AttributeValue> key, FunnelProgress after, FunnelProgress expected,
                            LocalDate day) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put(REACHED, AttributeValue.fromN(Integer.toString(after.reached())));
        item.put(REACHED_AT, AttributeValue.fromN(Long.toString(after.reachedAt().toEpochMilli())));
        Instant expires = clock.instant().plus(PROGRESS_KEPT);
        item.put(TableKeys.EXPIRES, AttributeValue.fromN(Long.toString(expires.getEpochSecond())));
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (expected == null) {
            return put.conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", TableKeys.PK)).build();
        }
        return put.conditionExpression("#n = :n").expressionAttributeNames(Map.of("#n", REACHED))
                .expressionAttributeValues(Map.of(":n", AttributeValue.fromN(Integer.toString(expected.reached()))))
                .build();
    }

    private Update counterUpdate(String appId, LocalDate day, List<FunnelStep> reached) {
        List<String> adds = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < reached.size(); i++) {
            adds.add("#s" + i + " :one");
            names.put("#s" + i, reached.get(i).wireName());
        }
        return Update.builder().tableName(table)
                .key(Map.of(TableKeys.PK, AttributeValue.fromS(appId),
                        TableKeys.SK, AttributeValue.fromS(TableKeys.FUNNEL_DAY_SK_PREFIX + day)))
                .updateExpression("ADD " + String.join(", ", adds))
                .expressionAttributeNames(names)
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .build();
    }

    private static Map<String, AttributeValue> progressKey(String appId, String customerId, LocalDate day) {
        return Map.of(TableKeys.PK, AttributeValue.fromS(TableKeys.funnelProgress(appId, customerId)),
                TableKeys.SK, AttributeValue.fromS(day.toString()));
    }
}
