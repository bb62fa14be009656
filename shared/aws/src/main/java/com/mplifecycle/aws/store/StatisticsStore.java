package com.mplifecycle.aws.store;

import java.util.Optional;

import com.mplifecycle.domain.stats.CustomerStatistics;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The scheduled run's retention and repurchase counts per app: one document item, replaced by each run. */
public final class StatisticsStore {

    private final AppDocuments documents;

    public StatisticsStore(DynamoDbClient db, String table) {
        this.documents = new AppDocuments(db, table);
    }

    public void put(CustomerStatistics statistics) {
        documents.put(statistics.appId(), TableKeys.CUSTOMER_STATISTICS_SK, statistics);
    }

    public Optional<CustomerStatistics> customerStatistics(String appId) {
        return documents.get(appId, TableKeys.CUSTOMER_STATISTICS_SK, CustomerStatistics.class, true);
    }
}
