package com.mplifecycle.aws.store;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.mplifecycle.domain.funnel.FunnelAdditions;
import com.mplifecycle.domain.funnel.FunnelReach;
import com.mplifecycle.domain.funnel.FunnelStep;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The funnel's day sets in the apps table: per app, local day and shard one item holding, per step,
 * the set of customers (as {@link FunnelReach#memberOf} values) who reached it in order that day. A
 * customer's progress of the day is kept on the profile ({@code CustomerProfile.funnel}); the stream
 * consumer {@link #add adds} the steps a profile write newly recorded right after that conditional
 * write succeeded, a whole stream batch at once, one write per day and shard. Adding to a set is
 * idempotent, so nothing counts twice; not in one transaction with the profile on purpose (every
 * customer of an app writes the same few items, and transactions on hot items conflict): a crash
 * between the two writes can lose a customer from a day's set, never add one. A range's distinct
 * customers are the union of its day sets, read with one query.
 */
public final class FunnelStore {
    /** As long as the longest range a funnel can be asked for (400 days) and the raw events are kept. */
    static final Duration KEPT = Duration.ofDays(401);
    /**
     * Day sets are split by the member's top bits so that one item stays under DynamoDB's 400 KB
     * with about 580,000 customers reaching a step on one day (a 19-digit number takes ~11 bytes).
     */
    static final int SHARD_BITS = 5;

    private final DynamoDbClient db;
    private final String table;

    public FunnelStore(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    /** Adds customers to the app's day sets of the steps they newly reached: one write per day and shard. */
    public void add(String appId, FunnelAdditions additions) {
        additions.days().forEach((day, steps) -> {
            Map<Integer, Map<FunnelStep, List<String>>> byShard = new TreeMap<>();
            steps.forEach((step, members) -> members.forEach(m -> byShard.computeIfAbsent(shard(m),
                    s -> new EnumMap<>(FunnelStep.class)).computeIfAbsent(step, x -> new ArrayList<>()).add(Long.toString(m))));
            byShard.forEach((shard, sets) -> {
                List<String> adds = new ArrayList<>();
                Map<String, String> names = new HashMap<>();
                Map<String, AttributeValue> values = new HashMap<>();
                int i = 0;
                for (Map.Entry<FunnelStep, List<String>> step : sets.entrySet()) {
                    adds.add("#s" + i + " :m" + i);
                    names.put("#s" + i, step.getKey().wireName());
                    values.put(":m" + i, AttributeValue.fromNs(step.getValue()));
                    i++;
                }
                names.put("#exp", TableKeys.EXPIRES);
                values.put(":exp", AttributeValue.fromN(Long.toString(
                        day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(KEPT).getEpochSecond())));
                db.updateItem(b -> b.tableName(table).key(daySetsKey(appId, day, shard))
                        .updateExpression("ADD " + String.join(", ", adds) + " SET #exp = :exp")
                        .expressionAttributeNames(names).expressionAttributeValues(values));
            });
        });
    }

    /** Distinct customers per step over the days from {@code from} to {@code to} inclusive, and per day. */
    public FunnelReach counts(String appId, LocalDate from, LocalDate to) {
        FunnelReach.Tally tally = new FunnelReach.Tally();
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
     * Takes the customer out of its shard's day sets of every day still kept, up to {@code today}
     * (UTC; one day more either side covers any app time zone): one conditional write a day, so an
     * expired day is not recreated. Erasure is rare; this keeps no per-customer index of days.
     */
    public void deleteCustomer(String appId, String customerId, LocalDate today) {
        long member = FunnelReach.memberOf(customerId);
        List<String> deletes = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        names.put("#pk", TableKeys.PK);
        for (FunnelStep s : FunnelStep.values()) {
            deletes.add("#s" + s.ordinal() + " :m");
            names.put("#s" + s.ordinal(), s.wireName());
        }
        String update = "DELETE " + String.join(", ", deletes);
        Map<String, AttributeValue> values = Map.of(":m", AttributeValue.fromNs(List.of(Long.toString(member))));
        for (LocalDate day = today.plusDays(1); !day.isBefore(today.minusDays(KEPT.toDays() + 1)); day = day.minusDays(1)) {
            Map<String, AttributeValue> key = daySetsKey(appId, day, shard(member));
            try {
                db.updateItem(b -> b.tableName(table).key(key).conditionExpression("attribute_exists(#pk)")
                        .updateExpression(update).expressionAttributeNames(names).expressionAttributeValues(values));
            } catch (ConditionalCheckFailedException e) {
                // no sets that day
            }
        }
    }

    private static int shard(long member) {
        return (int) (member >>> (Long.SIZE - SHARD_BITS));
    }

    private static Map<String, AttributeValue> daySetsKey(String appId, LocalDate day, int shard) {
        return Map.of(TableKeys.PK, AttributeValue.fromS(appId),
                TableKeys.SK, AttributeValue.fromS(TableKeys.funnelDaySets(day, shard)));
    }
}
