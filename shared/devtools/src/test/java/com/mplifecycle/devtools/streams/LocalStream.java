package com.mplifecycle.devtools.streams;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** Test fixture: a table with a stream in DynamoDB Local, and a recorder of what the function received. */
final class LocalStream {
    private static final AtomicInteger TABLES = new AtomicInteger();

    final DynamoDbClient db;
    final String table;
    final String streamArn;

    private LocalStream(DynamoDbClient db, String table, String streamArn) {
        this.db = db;
        this.table = table;
        this.streamArn = streamArn;
    }

    /** A fresh table keyed by pk (S) and sk (N), streaming NEW_AND_OLD_IMAGES. */
    static LocalStream create(DynamoDbClient db) {
        String table = "customers" + TABLES.incrementAndGet();
        String arn = db.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                .tableDescription().latestStreamArn();
        return new LocalStream(db, table, arn);
    }

    StreamSourceConfig config(int batchSize, String position, boolean reportFailures, boolean bisect,
            int maxRetries) {
        return new StreamSourceConfig(table, streamArn, batchSize, 0, position, reportFailures, bisect, maxRetries,
                -1, "profile-stream", "us-east-1");
    }

    /** An item with one attribute of every type, so images can be checked whole. */
    void put(String pk, int sk) {
        db.putItem(b -> b.tableName(table).item(Map.of(
                "pk", AttributeValue.fromS(pk),
                "sk", AttributeValue.fromN(Integer.toString(sk)),
                "name", AttributeValue.fromS("n" + sk),
                "profile", AttributeValue.fromM(Map.of("city", AttributeValue.fromS("Hangzhou"))),
                "tags", AttributeValue.fromL(List.of(AttributeValue.fromS("vip"), AttributeValue.fromN("3"))),
                "active", AttributeValue.fromBool(true),
                "nickname", AttributeValue.fromNul(true),
                "avatar", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2, 3})))));
    }

    /** Records each batch as the Java runtime would hand it to a handler, then lets {@code behaviour} answer. */
    static final class Recorder implements Function<String, String> {
        private static final PojoSerializer<DynamodbEvent> EVENTS =
                LambdaEventSerializers.serializerFor(DynamodbEvent.class, Recorder.class.getClassLoader());

        final List<List<DynamodbEvent.DynamodbStreamRecord>> batches = Collections.synchronizedList(new ArrayList<>());
        private final Function<List<DynamodbEvent.DynamodbStreamRecord>, String> behaviour;

        Recorder(Function<List<DynamodbEvent.DynamodbStreamRecord>, String> behaviour) {
            this.behaviour = behaviour;
        }

        static Recorder succeeding() {
            return new Recorder(records -> null);
        }

        @Override
        public String apply(String eventJson) {
            List<DynamodbEvent.DynamodbStreamRecord> records = EVENTS.fromJson(eventJson).getRecords();
            batches.add(records);
            return behaviour.apply(records);
        }

        List<DynamodbEvent.DynamodbStreamRecord> allRecords() {
            List<DynamodbEvent.DynamodbStreamRecord> all = new ArrayList<>();
            synchronized (batches) {
                batches.forEach(all::addAll);
            }
            return all;
        }

        List<Integer> sortKeys(List<DynamodbEvent.DynamodbStreamRecord> records) {
            List<Integer> keys = new ArrayList<>();
            records.forEach(r -> keys.add(sortKey(r)));
            return keys;
        }

        static int sortKey(DynamodbEvent.DynamodbStreamRecord record) {
            return Integer.parseInt(record.getDynamodb().getKeys().get("sk").getN());
        }
    }
}
