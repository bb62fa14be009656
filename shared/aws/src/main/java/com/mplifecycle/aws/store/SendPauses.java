package com.mplifecycle.aws.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * An app's pause of WeChat sends after WeChat answered a rate limit (45009, 45011): one item per app in the
 * apps table (docs/data-model.md), so every invocation of a fanned-out sweep slows down, not only the one
 * that was answered. A pause only ever moves later. One small item per app, kept (no TTL): a past {@code until}
 * is no pause.
 */
public final class SendPauses {
    static final String UNTIL = "until";
    static final String ERRCODE = "err";

    private final DynamoDbClient db;
    private final String table;

    public SendPauses(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    /** Until when the app's sends are paused; empty when they never were (a past moment: no longer). */
    public Optional<Instant> until(String appId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table).key(key(appId))).item();
        return item == null || !item.containsKey(UNTIL) ? Optional.empty()
                : Optional.of(Instant.ofEpochMilli(Long.parseLong(item.get(UNTIL).n())));
    }

    /** Pauses the app's sends until {@code until}, unless they already are until later. */
    public void pause(String appId, Instant until, int errcode) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(key(appId));
        item.put(UNTIL, AttributeValue.fromN(Long.toString(until.toEpochMilli())));
        item.put(ERRCODE, AttributeValue.fromN(Integer.toString(errcode)));
        try {
            db.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#pk) OR #until < :until")
                    .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#until", UNTIL))
                    .expressionAttributeValues(Map.of(":until", item.get(UNTIL))));
        } catch (ConditionalCheckFailedException e) {
            // paused until later already
        }
    }

    private static Map<String, AttributeValue> key(String appId) {
        return Map.of(TableKeys.PK, AttributeValue.fromS(appId), TableKeys.SK, AttributeValue.fromS(TableKeys.SEND_PAUSE_SK));
    }
}
