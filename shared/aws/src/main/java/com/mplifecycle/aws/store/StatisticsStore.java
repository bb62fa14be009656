package com.mplifecycle.aws.store;

import java.util.Map;
import java.util.Optional;

import com.mplifecycle.aws.json.Json;
import com.mplifecycle.domain.stats.CustomerStatistics;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The scheduled run's retention and repurchase counts per app: one document item, replaced by each run. */
public final class StatisticsStore {
    private static final String DOC = "doc";

    private final DynamoDbClient db;
    private final String table;

    public StatisticsStore(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    public void put(CustomerStatistics statistics) {
        db.putItem(b -> b.tableName(table).item(Map.of(
                TableKeys.PK, AttributeValue.fromS(statistics.appId()),
                TableKeys.SK, AttributeValue.fromS(TableKeys.CUSTOMER_STATISTICS_SK),
                DOC, AttributeValue.fromS(Json.write(statistics)))));
    }

    public Optional<CustomerStatistics> customerStatistics(String appId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(TableKeys.PK, AttributeValue.fromS(appId),
                        TableKeys.SK, AttributeValue.fromS(TableKeys.CUSTOMER_STATISTICS_SK)))).item();
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(Json.read(item.get(DOC).s(), CustomerStatistics.class));
    }
}
