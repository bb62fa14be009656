package com.mplifecycle.deploy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mplifecycle.aws.auth.SessionTokens;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.aws.store.TableKeys;
import com.mplifecycle.devtools.invoke.LambdaInvoker;
import com.mplifecycle.devtools.invoke.LocalContext;
import com.mplifecycle.domain.profile.CustomerIds;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.functions.ingest.IngestHandler;
import com.mplifecycle.functions.lifecycle.LifecycleHandler;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

/**
 * The first end-to-end scenario, independent of where it runs: a customer's batch goes through
 * {@code IngestHandler} as an HTTP API event, the events table's stream records go to
 * {@code LifecycleHandler} as a Lambda {@code DynamodbEvent} (both invoked in this JVM through the
 * runtime's own JSON mapping), and the profile is read back.
 */
final class IngestFoldScenario {
    static final String APP_ID = "demo";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIGNING_KEY = "scenario-signing-key-of-at-least-32-characters";
    private static final String SECRETS = "{\"tokenSigningKey\":\"" + SIGNING_KEY + "\",\"apps\":{\"" + APP_ID
            + "\":{\"wechatAppId\":\"wx0000000000000000\",\"appSecret\":\"not-a-secret\"}}}";
    /** Streams in LocalStack show records a moment after the write; DynamoDB Local at once. */
    private static final Duration STREAM_WAIT = Duration.ofSeconds(30);

    private final ScenarioBackend backend;
    private final Clock clock;

    IngestFoldScenario(ScenarioBackend backend, Clock clock) {
        this.backend = backend;
        this.clock = clock;
    }

    /** What the customer's app and the stream consumer saw, and the profile that resulted. */
    record Outcome(int ingestStatus, JsonNode ingestBody, int streamRecords, JsonNode batchItemFailures,
                   CustomerProfile profile) {
    }

    /** A launch and a paid order of 33 yuan from a new customer. */
    Outcome launchAndPaidOrder(String openid) throws Exception {
        String customerId = CustomerIds.of(APP_ID, openid);
        long now = clock.millis();
        String body = "{\"events\":[{\"eventId\":\"" + openid + "-1\",\"type\":\"app_launch\",\"ts\":" + now
                + ",\"props\":{\"scene\":1001}},{\"eventId\":\"" + openid + "-2\",\"type\":\"order_paid\",\"ts\":"
                + (now + 1) + ",\"props\":{\"orderId\":\"o-" + openid + "\",\"amountFen\":3300}}]}";
        String token = new SessionTokens(SIGNING_KEY.getBytes(StandardCharsets.UTF_8), clock)
                .issue(APP_ID, customerId, openid);

        JsonNode response = JSON.readTree(invoke("IngestFunction", new IngestHandler(env("IngestFunction")),
                httpEvent(body, token)));
        List<Record> records = streamRecordsOf(TableKeys.customer(APP_ID, customerId));
        JsonNode folded = JSON.readTree(invoke("LifecycleFunction", new LifecycleHandler(env("LifecycleFunction")),
                dynamodbEvent(records)));
        CustomerProfile profile = new ProfileStore(backend.dynamoDb(), backend.tableName("ProfilesTable"))
                .load(APP_ID, customerId).orElse(null);
        return new Outcome(response.path("statusCode").asInt(), JSON.readTree(response.path("body").asText("{}")),
                records.size(), folded.path("batchItemFailures"), profile);
    }

    private FunctionEnv env(String function) {
        Map<String, String> variables = new LinkedHashMap<>(backend.environment(function));
        variables.put(FunctionEnv.LOCAL_SECRETS_JSON, SECRETS);
        return new FunctionEnv(variables, clock);
    }

    private static String invoke(String function, com.amazonaws.services.lambda.runtime.RequestHandler<?, ?> handler,
                                 String event) {
        return LambdaInvoker.of(handler).invoke(event,
                LocalContext.start(function, "us-east-1", 1024, Duration.ofSeconds(60)));
    }

    private String httpEvent(String body, String token) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "POST /v1/events");
        event.put("rawPath", "/v1/events");
        event.putObject("headers").put("authorization", "Bearer " + token).put("content-type", "application/json");
        ObjectNode context = event.putObject("requestContext");
        context.put("requestId", "scenario-" + clock.millis());
        context.put("routeKey", "POST /v1/events");
        context.putObject("http").put("method", "POST").put("path", "/v1/events").put("sourceIp", "203.0.113.10");
        event.put("body", body);
        event.put("isBase64Encoded", false);
        return event.toString();
    }

    /** The stream records of one partition of the events table, read from the start of every shard. */
    private List<Record> streamRecordsOf(String partitionKey) throws InterruptedException {
        String streamArn = backend.dynamoDb().describeTable(b -> b.tableName(backend.tableName("EventsTable")))
                .table().latestStreamArn();
        Instant deadline = Instant.now().plus(STREAM_WAIT);
        List<Record> records = new ArrayList<>();
        while (true) {
            records.clear();
            for (Shard shard : backend.streams().describeStream(b -> b.streamArn(streamArn)).streamDescription()
                    .shards()) {
                String iterator = backend.streams().getShardIterator(b -> b.streamArn(streamArn)
                        .shardId(shard.shardId()).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
                for (int page = 0; iterator != null && page < 10; page++) {
                    String current = iterator;
                    var answer = backend.streams().getRecords(b -> b.shardIterator(current));
                    answer.records().stream()
                            .filter(r -> partitionKey.equals(r.dynamodb().keys().get(TableKeys.PK).s()))
                            .forEach(records::add);
                    iterator = answer.hasRecords() && !answer.records().isEmpty() ? answer.nextShardIterator() : null;
                }
            }
            if (!records.isEmpty() || Instant.now().isAfter(deadline)) {
                return List.copyOf(records);
            }
            Thread.sleep(200);
        }
    }

    private String dynamodbEvent(List<Record> records) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode array = event.putArray("Records");
        for (Record r : records) {
            ObjectNode node = array.addObject();
            node.put("eventID", r.eventID());
            node.put("eventName", r.eventNameAsString());
            node.put("eventVersion", "1.1");
            node.put("eventSource", "aws:dynamodb");
            node.put("awsRegion", "us-east-1");
            ObjectNode dynamodb = node.putObject("dynamodb");
            if (r.dynamodb().approximateCreationDateTime() != null) {
                dynamodb.put("ApproximateCreationDateTime", r.dynamodb().approximateCreationDateTime().getEpochSecond());
            }
            dynamodb.set("Keys", attributes(r.dynamodb().keys()));
            if (r.dynamodb().hasNewImage()) {
                dynamodb.set("NewImage", attributes(r.dynamodb().newImage()));
            }
            dynamodb.put("SequenceNumber", r.dynamodb().sequenceNumber());
            dynamodb.put("SizeBytes", r.dynamodb().sizeBytes());
            dynamodb.put("StreamViewType", r.dynamodb().streamViewTypeAsString());
            node.put("eventSourceARN", "arn:aws:dynamodb:us-east-1:000000000000:table/events/stream/scenario");
        }
        return event.toString();
    }

    /** Lambda's JSON for DynamoDB attribute values: one type key per value. */
    private static ObjectNode attributes(Map<String, AttributeValue> item) {
        ObjectNode out = JSON.createObjectNode();
        item.forEach((name, value) -> out.set(name, attribute(value)));
        return out;
    }

    private static ObjectNode attribute(AttributeValue v) {
        ObjectNode node = JSON.createObjectNode();
        if (v.s() != null) {
            node.put("S", v.s());
        } else if (v.n() != null) {
            node.put("N", v.n());
        } else if (v.b() != null) {
            node.put("B", java.util.Base64.getEncoder().encodeToString(v.b().asByteArray()));
        } else if (v.bool() != null) {
            node.put("BOOL", v.bool());
        } else if (Boolean.TRUE.equals(v.nul())) {
            node.put("NULL", true);
        } else if (v.hasM()) {
            node.set("M", attributes(v.m()));
        } else if (v.hasL()) {
            ArrayNode list = node.putArray("L");
            v.l().forEach(item -> list.add(attribute(item)));
        } else if (v.hasSs()) {
            ArrayNode set = node.putArray("SS");
            v.ss().forEach(set::add);
        } else if (v.hasNs()) {
            ArrayNode set = node.putArray("NS");
            v.ns().forEach(set::add);
        } else if (v.hasBs()) {
            ArrayNode set = node.putArray("BS");
            v.bs().forEach(b -> set.add(java.util.Base64.getEncoder().encodeToString(b.asByteArray())));
        }
        return node;
    }
}
