package com.mplifecycle.aws.store;

import java.util.Map;
import java.util.Optional;

import com.mplifecycle.aws.json.RecordJson;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Items of the apps table that hold one JSON document ({@code doc}) under {@code (appId, sortKey)}. */
final class AppDocuments {
    static final String DOC = "doc";

    private final DynamoDbClient db;
    private final String table;

    AppDocuments(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    void put(String appId, String sortKey, Record document) {
        db.putItem(b -> b.tableName(table).item(Map.of(
                TableKeys.PK, AttributeValue.fromS(appId),
                TableKeys.SK, AttributeValue.fromS(sortKey),
                DOC, AttributeValue.fromS(RecordJson.write(document)))));
    }

    <T extends Record> Optional<T> get(String appId, String sortKey, Class<T> type, boolean consistent) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table).consistentRead(consistent)
                .key(Map.of(TableKeys.PK, AttributeValue.fromS(appId),
                        TableKeys.SK, AttributeValue.fromS(sortKey)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(RecordJson.read(item.get(DOC).s(), type));
    }
}
