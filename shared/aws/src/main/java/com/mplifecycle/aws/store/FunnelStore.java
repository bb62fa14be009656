package com.mplifecycle.aws.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mplifecycle.domain.funnel.FunnelStep;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The funnel's counters in the apps table: per app and local day one item with the customers that
 * reached each step. A customer's progress of the day is kept on the profile
 * ({@code CustomerProfile.funnel}) and the stream consumer writes the increments {@link #counts}
 * gives in one transaction with the profile, conditional on its version, so a redelivered record
 * (which advances nothing) or a lost race never counts twice, and a write never counts zero times.
 */
public final class FunnelStore {
    private final DynamoDbClient db;
    private final String table;

    public FunnelStore(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    /** The counter increments for steps newly reached, per local day: to be written with the profile. */
    public List<Update> counts(String appId, Map<LocalDate, List<FunnelStep>> reached) {
        List<Update> updates = new ArrayList<>();
        reached.forEach((day, steps) -> {
            if (!steps.isEmpty()) {
                updates.add(counterUpdate(appId, day, steps));
            }
        });
        return updates;
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

    /**
     * Deletes a customer's progress items (erasure): items of the days before progress moved onto the
     * profile, until their TTL (8 days) removes them. The day counters hold no customer data.
     */
    public void deleteCustomer(String appId, String customerId) {
        String pk = TableKeys.funnelProgress(appId, customerId);
        for (var page : db.queryPaginator(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk").projectionExpression("#pk, #sk")
                .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#sk", TableKeys.SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk))))) {
            page.items().forEach(key -> db.deleteItem(b -> b.tableName(table).key(key)));
        }
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
}
