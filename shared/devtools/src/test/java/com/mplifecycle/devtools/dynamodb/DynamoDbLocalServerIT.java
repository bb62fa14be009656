package com.mplifecycle.devtools.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

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
}
