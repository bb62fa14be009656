package com.mplifecycle.aws.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * All items of one customer in a table keyed {@code pk = {appId}#{customerId}} plus a sort key
 * (the events and dispatch tables): erasure deletes them with a keys-only query and batch deletes.
 */
final class CustomerPartition {
    private final DynamoDbClient db;
    private final String table;
    private final BatchWriter batches;

    CustomerPartition(DynamoDbClient db, String table, BatchWriter batches) {
        this.db = db;
        this.table = table;
        this.batches = batches;
    }

    /** Deletes every item of the customer; returns how many there were. */
    int delete(String appId, String customerId) {
        String pk = TableKeys.customer(appId, customerId);
        List<WriteRequest> deletes = new ArrayList<>();
        int deleted = 0;
        for (var page : db.queryPaginator(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk").projectionExpression("#pk, #sk")
                .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#sk", TableKeys.SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk))))) {
            for (Map<String, AttributeValue> key : page.items()) {
                deletes.add(WriteRequest.builder().deleteRequest(d -> d.key(key)).build());
                if (deletes.size() == 25) {
                    batches.write(List.copyOf(deletes));
                    deleted += deletes.size();
                    deletes.clear();
                }
            }
        }
        if (!deletes.isEmpty()) {
            batches.write(deletes);
            deleted += deletes.size();
        }
        return deleted;
    }
}
