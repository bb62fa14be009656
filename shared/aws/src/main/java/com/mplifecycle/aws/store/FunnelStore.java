package com.mplifecycle.aws.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mplifecycle.domain.funnel.FunnelCounts;
import com.mplifecycle.domain.funnel.FunnelStep;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The funnel's counters in the apps table: per app and local day one item with the customers that
 * reached each step. A customer's progress of the day is kept on the profile
 * ({@code CustomerProfile.funnel}); the stream consumer {@link #count counts} the steps a profile
 * write newly recorded right after that conditional write succeeded, so a redelivered record (which
 * advances nothing) or a lost race never counts twice; a stream batch adds its customers up and
 * writes each day once. Not in one transaction with the profile on
 * purpose, as for the campaign counters: every customer of an app increments the same day item,
 * and transactions on one hot item conflict; a crash between the two writes can lose a count,
 * never add one.
 */
public final class FunnelStore {
    private final DynamoDbClient db;
    private final String table;

    public FunnelStore(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    /** Adds customers to the app's counters of the steps they newly reached: one write per day. */
    public void count(String appId, FunnelCounts counts) {
        counts.days().forEach((day, steps) -> {
            if (steps.isEmpty()) {
                return;
            }
            List<String> adds = new ArrayList<>();
            Map<String, String> names = new HashMap<>();
            Map<String, AttributeValue> values = new HashMap<>();
            int i = 0;
            for (Map.Entry<FunnelStep, Long> step : steps.entrySet()) {
                adds.add("#s" + i + " :n" + i);
                names.put("#s" + i, step.getKey().wireName());
                values.put(":n" + i, AttributeValue.fromN(Long.toString(step.getValue())));
                i++;
            }
            db.updateItem(b -> b.tableName(table)
                    .key(Map.of(TableKeys.PK, AttributeValue.fromS(appId),
                            TableKeys.SK, AttributeValue.fromS(TableKeys.FUNNEL_DAY_SK_PREFIX + day)))
                    .updateExpression("ADD " + String.join(", ", adds))
                    .expressionAttributeNames(names).expressionAttributeValues(values));
        });
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

}
