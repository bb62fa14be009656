package com.mplifecycle.devtools.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class DynamoDbLocalServerIT {
    @Test
    void startInMemory_servesTables() {
        try (DynamoDbLocalServer server = DynamoDbLocalServer.startInMemory();
             DynamoDbClient db = server.client()) {
            db.createTable(b -> b.tableName("things").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                            .attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
            db.putItem(b -> b.tableName("things").item(java.util.Map.of("pk", AttributeValue.fromS("a"))));

            assertEquals(1, db.scan(b -> b.tableName("things")).count());
        }
    }

    @Test
    void startInMemory_otherCredentialsAndRegion_seeTheSameTables() {
        try (DynamoDbLocalServer server = DynamoDbLocalServer.startInMemory();
             DynamoDbClient db = server.client();
             DynamoDbClient stranger = DynamoDbClient.builder().endpointOverride(server.endpoint())
                     .region(Region.EU_WEST_1).httpClient(UrlConnectionHttpClient.create())
                     .credentialsProvider(StaticCredentialsProvider.create(
                             AwsBasicCredentials.create("AKIAANYTHING", "whatever"))).build()) {
            db.createTable(b -> b.tableName("things").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                            .attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));

            assertEquals(java.util.List.of("things"), stranger.listTables().tableNames());
        }
    }
}
