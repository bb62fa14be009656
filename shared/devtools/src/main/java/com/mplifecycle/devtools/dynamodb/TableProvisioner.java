package com.mplifecycle.devtools.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import com.mplifecycle.devtools.template.SamTemplate;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/**
 * Creates the template's {@code AWS::DynamoDB::Table} resources (keys, GSIs, stream, TTL) in a
 * DynamoDB endpoint, so tests and the local runtime use exactly the tables the template declares.
 */
public final class TableProvisioner {
    private final DynamoDbClient db;

    public TableProvisioner(DynamoDbClient db) {
        this.db = db;
    }

    /**
     * Creates every table that does not exist yet. {@code physicalName} maps a logical id to the
     * table name to use. Returns logical id → table name.
     */
    public Map<String, String> createAll(SamTemplate template, UnaryOperator<String> physicalName) {
        Set<String> existing = Set.copyOf(db.listTables().tableNames());
        Map<String, String> names = new java.util.LinkedHashMap<>();
        template.resourcesOfType("AWS::DynamoDB::Table").forEach((logicalId, props) -> {
            String name = physicalName.apply(logicalId);
            names.put(logicalId, name);
            if (!existing.contains(name)) {
                create(name, props);
            }
        });
        return names;
    }

    @SuppressWarnings("unchecked")
    private void create(String name, Map<String, Object> props) {
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(list(props, "AttributeDefinitions").stream()
                        .map(a -> AttributeDefinition.builder().attributeName((String) a.get("AttributeName"))
                                .attributeType((String) a.get("AttributeType")).build()).toList())
                .keySchema(keySchema(list(props, "KeySchema")));
        List<GlobalSecondaryIndex> gsis = new ArrayList<>();
        for (Map<String, Object> gsi : list(props, "GlobalSecondaryIndexes")) {
            Map<String, Object> projection = (Map<String, Object>) gsi.getOrDefault("Projection", Map.of());
            gsis.add(GlobalSecondaryIndex.builder().indexName((String) gsi.get("IndexName"))
                    .keySchema(keySchema((List<Map<String, Object>>) gsi.get("KeySchema")))
                    .projection(Projection.builder().projectionType(
                            (String) projection.getOrDefault("ProjectionType", "ALL"))
                            .nonKeyAttributes((List<String>) projection.get("NonKeyAttributes")).build())
                    .build());
        }
        if (!gsis.isEmpty()) {
            request.globalSecondaryIndexes(gsis);
        }
        Map<String, Object> stream = (Map<String, Object>) props.get("StreamSpecification");
        if (stream != null) {
            request.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                    .streamViewType((String) stream.get("StreamViewType")).build());
        }
        db.createTable(request.build());
        db.waiter().waitUntilTableExists(b -> b.tableName(name));
        Map<String, Object> ttl = (Map<String, Object>) props.get("TimeToLiveSpecification");
        if (ttl != null && Boolean.TRUE.equals(ttl.get("Enabled"))) {
            db.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(t -> t.enabled(true)
                    .attributeName((String) ttl.get("AttributeName"))));
        }
    }

    private static List<KeySchemaElement> keySchema(List<Map<String, Object>> elements) {
        return elements.stream().map(k -> KeySchemaElement.builder().attributeName((String) k.get("AttributeName"))
                .keyType((String) k.get("KeyType")).build()).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> props, String key) {
        return (List<Map<String, Object>>) props.getOrDefault(key, List.of());
    }
}
