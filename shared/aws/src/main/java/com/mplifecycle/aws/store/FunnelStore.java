package com.mplifecycle.aws.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.domain.stats.FunnelCounts;
import com.mplifecycle.domain.stats.FunnelProgress;
import com.mplifecycle.domain.stats.FunnelStep;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The funnel, maintained by the stream consumer in the apps table: per customer and local day a
 * progress item (steps reached, when the last was), and per app, day and shard one item holding,
 * per step, the set of customers (as {@link FunnelCounts#memberOf} hashes) who reached it that day.
 * A progress change and its set additions are one transaction conditional on the progress read;
 * adding to a set is idempotent anyway, so a redelivered record or a lost race never counts twice.
 * A range's distinct customers are the union of its day sets, read with one query.
 */
public final class FunnelStore {
    /** As long as the range a funnel can be asked for (and the raw events are kept), so erasure finds every day. */
    static final Duration KEPT = Duration.ofDays(401);
    /**
     * Day sets are split by the member's top bits so that one item stays under DynamoDB's 400 KB
     * with about 580,000 customers reaching a step on one day (a number of 19 digits takes ~11 bytes).
     */
    static final int SHARD_BITS = 5;
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
        long member = FunnelCounts.memberOf(customerId);
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
                        TransactWriteItem.builder().put(progressPut(key, after, exists ? before : null)).build(),
                        TransactWriteItem.builder().update(addToDaySets(appId, day, member, reached)).build()));
                return;
            } catch (TransactionCanceledException e) {
                // another batch advanced the same day meanwhile: read again
            }
        }
        throw new StoreUnavailableException("funnel progress kept changing", null);
    }

    /** Distinct customers per step over the days from {@code from} to {@code to} inclusive, and per day. */
    public FunnelCounts counts(String appId, LocalDate from, LocalDate to) {
        FunnelCounts.Tally tally = new FunnelCounts.Tally();
        for (var page : db.queryPaginator(b -> b.tableName(table)
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#sk", TableKeys.SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(appId),
                        ":from", AttributeValue.fromS(TableKeys.funnelDaySetsFrom(from)),
                        ":to", AttributeValue.fromS(TableKeys.funnelDaySetsTo(to)))))) {
            for (Map<String, AttributeValue> item : page.items()) {
                LocalDate day = TableKeys.funnelDayOf(item.get(TableKeys.SK).s());
                for (FunnelStep s : FunnelStep.values()) {
                    AttributeValue members = item.get(s.wireName());
                    if (members != null && members.hasNs()) {
                        tally.add(day, s, members.ns().stream().mapToLong(Long::parseLong).toArray());
                    }
                }
            }
        }
        return tally.counts();
    }

    /**
     * Takes the customer out of every day set it is in, then deletes its progress items (which say
     * which days and steps those are); a failed erasure is simply repeated.
     */
    public void deleteCustomer(String appId, String customerId) {
        long member = FunnelCounts.memberOf(customerId);
        String pk = TableKeys.funnelProgress(appId, customerId);
        for (var page : db.queryPaginator(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", TableKeys.PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk))))) {
            for (Map<String, AttributeValue> progress : page.items()) {
                int reached = Integer.parseInt(progress.get(REACHED).n());
                LocalDate day = LocalDate.parse(progress.get(TableKeys.SK).s());
                if (reached > 0) {
                    removeFromDaySets(appId, day, member, List.of(FunnelStep.values()).subList(0, reached));
                }
                db.deleteItem(b -> b.tableName(table).key(Map.of(TableKeys.PK, progress.get(TableKeys.PK),
                        TableKeys.SK, progress.get(TableKeys.SK))));
            }
        }
    }

    private Put progressPut(Map<String, AttributeValue> key, FunnelProgress after, FunnelProgress expected) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put(REACHED, AttributeValue.fromN(Integer.toString(after.reached())));
        item.put(REACHED_AT, AttributeValue.fromN(Long.toString(after.reachedAt().toEpochMilli())));
        Instant expires = clock.instant().plus(KEPT);
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

    private Update addToDaySets(String appId, LocalDate day, long member, List<FunnelStep> reached) {
        List<String> adds = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < reached.size(); i++) {
            adds.add("#s" + i + " :m");
            names.put("#s" + i, reached.get(i).wireName());
        }
        names.put("#exp", TableKeys.EXPIRES);
        long expires = day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().plus(KEPT).getEpochSecond();
        return Update.builder().tableName(table).key(daySetsKey(appId, day, member))
                .updateExpression("ADD " + String.join(", ", adds) + " SET #exp = :exp")
                .expressionAttributeNames(names)
                .expressionAttributeValues(Map.of(":m", AttributeValue.fromNs(List.of(Long.toString(member))),
                        ":exp", AttributeValue.fromN(Long.toString(expires))))
                .build();
    }

    private void removeFromDaySets(String appId, LocalDate day, long member, List<FunnelStep> steps) {
        List<String> deletes = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        names.put("#pk", TableKeys.PK);
        for (int i = 0; i < steps.size(); i++) {
            deletes.add("#s" + i + " :m");
            names.put("#s" + i, steps.get(i).wireName());
        }
        try {
            db.updateItem(b -> b.tableName(table).key(daySetsKey(appId, day, member))
                    .conditionExpression("attribute_exists(#pk)") // an expired day is not recreated
                    .updateExpression("DELETE " + String.join(", ", deletes))
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(Map.of(":m", AttributeValue.fromNs(List.of(Long.toString(member))))));
        } catch (ConditionalCheckFailedException e) {
            // the day's sets expired already
        }
    }

    private static Map<String, AttributeValue> daySetsKey(String appId, LocalDate day, long member) {
        int shard = (int) (member >>> (Long.SIZE - SHARD_BITS));
        return Map.of(TableKeys.PK, AttributeValue.fromS(appId),
                TableKeys.SK, AttributeValue.fromS(TableKeys.funnelDaySets(day, shard)));
    }

    private static Map<String, AttributeValue> progressKey(String appId, String customerId, LocalDate day) {
        return Map.of(TableKeys.PK, AttributeValue.fromS(TableKeys.funnelProgress(appId, customerId)),
                TableKeys.SK, AttributeValue.fromS(day.toString()));
    }
}
