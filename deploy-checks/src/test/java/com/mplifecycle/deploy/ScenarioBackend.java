package com.mplifecycle.deploy;

import java.util.Map;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Where a scenario runs: the template's tables (created from the template), their streams, and the bus, with
 * each function's environment resolved against them. DynamoDB Local in this JVM, or LocalStack in Docker.
 */
interface ScenarioBackend extends AutoCloseable {
    /** The function's template environment resolved here, plus region, credentials and endpoints. */
    Map<String, String> environment(String functionLogicalId);

    DynamoDbClient dynamoDb();

    DynamoDbStreamsClient streams();

    /** The physical name of a table of the template. */
    String tableName(String logicalId);

    @Override
    void close();
}
