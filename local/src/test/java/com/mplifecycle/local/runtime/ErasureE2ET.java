package com.mplifecycle.local.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.aws.store.DispatchRecord;
import com.mplifecycle.aws.store.DispatchStore;
import com.mplifecycle.aws.store.TableKeys;
import com.mplifecycle.domain.funnel.FunnelReach;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DELETE of a customer through HTTP, then the stream delivering an old record of theirs again
 * (as a Lambda retry would): nothing comes back, neither profile nor credits nor events; a
 * later visit starts a new profile from the new events only.
 */
class ErasureE2ET {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalRuntime runtime;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(new RuntimeOptions(0, false, 0, 0, "erasure-admin-key-0123456789", null));
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    private static HttpResponse<String> call(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(runtime.apiUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void drain() throws Exception {
        assertEquals(200, call("POST", "/_local/drain", null, null).statusCode());
    }

    private static List<Map<String, AttributeValue>> items(String table, String pk) {
        return runtime.profilesClient().query(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))).items();
    }

    /** Every member of the app's funnel day sets, all steps and days. */
    private static java.util.Set<String> funnelMembers() {
        java.util.Set<String> members = new java.util.HashSet<>();
        runtime.profilesClient().query(b -> b.tableName("AppsTable").consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :f)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("demo"),
                        ":f", AttributeValue.fromS("stats#funnel#")))).items()
                .forEach(item -> item.values().stream().filter(AttributeValue::hasNs).forEach(v -> members.addAll(v.ns())));
        return members;
    }

    /** The stream record Lambda would deliver again for a chunk item of the events table. */
    private static String redelivery(Map<String, AttributeValue> chunk) {
        Map<String, Object> image = new LinkedHashMap<>();
        chunk.forEach((name, v) -> image.put(name, v.s() != null ? Map.of("S", v.s())
                : v.b() != null ? Map.of("B", java.util.Base64.getEncoder().encodeToString(v.b().asByteArray()))
                : Map.of("N", v.n())));
        Map<String, Object> dynamodb = new LinkedHashMap<>();
        dynamodb.put("Keys", Map.of("pk", image.get("pk"), "sk", image.get("sk")));
        dynamodb.put("NewImage", image);
        dynamodb.put("SequenceNumber", "900000000000000000001");
        dynamodb.put("StreamViewType", "NEW_IMAGE");
        return Json.write(Map.of("Records", List.of(Map.of("eventID", "redelivered", "eventName", "INSERT",
                "eventSource", "aws:dynamodb", "awsRegion", "us-east-1", "dynamodb", dynamodb))));
    }

    @Test
    void erase_thenOldRecordRedelivered_leavesNothing() throws Exception {
        JsonNode session = Json.read(call("POST", "/v1/session", "{\"appId\":\"demo\",\"code\":\"erase-me~1\"}", null)
                .body(), JsonNode.class);
        String customerId = session.get("customerId").asText();
        String token = session.get("token").asText();
        long now = runtime.clock().instant().toEpochMilli();
        String events = "{\"events\":[{\"eventId\":\"er-1\",\"type\":\"app_launch\",\"ts\":" + now
                + ",\"props\":{\"scene\":1001}},{\"eventId\":\"er-2\",\"type\":\"subscribe_result\",\"ts\":" + (now + 1)
                + ",\"props\":{\"results\":{\"TPL_WINBACK\":\"accept\"}}},{\"eventId\":\"er-3\",\"type\":\"order_paid\","
                + "\"ts\":" + (now + 2) + ",\"props\":{\"orderId\":\"o-er\",\"amountFen\":4200}}]}";
        assertEquals(202, call("POST", "/v1/events", events, token).statusCode());
        drain();
        String profilePath = "/v1/apps/demo/customers/" + customerId;
        JsonNode before = Json.read(call("GET", profilePath, null, runtime.adminKey()).body(), JsonNode.class);
        assertEquals(1, before.get("credits").get("TPL_WINBACK").asInt());
        String customerKey = TableKeys.customer("demo", customerId);
        Map<String, AttributeValue> oldChunk = items("EventsTable", customerKey).get(0);
        new DispatchStore(runtime.profilesClient(), "DispatchTable", "ProfilesTable", "AppsTable").recordOnce(
                new DispatchRecord("demo", customerId, "winback", "stage-DECLINING:1", DispatchRecord.Status.SKIPPED,
                        runtime.clock().instant(), null, "TPL_WINBACK", null, null, Map.of(), "cap", 0, 0, 0, null));
        assertEquals(1, items("DispatchTable", customerKey).size());
        assertTrue(funnelMembers().contains(Long.toString(FunnelReach.memberOf(customerId))), "counted in the funnel");
        runtime.clock().advance(java.time.Duration.ofMinutes(5));

        HttpResponse<String> erased = call("DELETE", profilePath, null, runtime.adminKey());
        JsonNode redelivered = Json.read(runtime.invoke("LifecycleFunction", redelivery(oldChunk)), JsonNode.class);
        drain();

        assertEquals(204, erased.statusCode());
        assertEquals(0, redelivered.get("batchItemFailures").size());
        assertEquals(404, call("GET", profilePath, null, runtime.adminKey()).statusCode());
        assertEquals(List.of(), items("EventsTable", customerKey));
        assertEquals(List.of(), items("DispatchTable", customerKey), "dispatch records erased");
        assertTrue(!funnelMembers().contains(Long.toString(FunnelReach.memberOf(customerId))), "out of the funnel sets");
        Map<String, AttributeValue> tombstone = runtime.profilesClient().getItem(b -> b.tableName("ProfilesTable")
                .key(Map.of("pk", AttributeValue.fromS(customerKey)))).item();
        assertTrue(!tombstone.containsKey("doc"), "only a tombstone is left: " + tombstone.keySet());
    }

    @Test
    void erase_thenCustomerReturns_newProfileHoldsOnlyNewEvents() throws Exception {
        JsonNode session = Json.read(call("POST", "/v1/session", "{\"appId\":\"demo\",\"code\":\"come-back~1\"}", null)
                .body(), JsonNode.class);
        String customerId = session.get("customerId").asText();
        long now = runtime.clock().instant().toEpochMilli();
        call("POST", "/v1/events", "{\"events\":[{\"eventId\":\"cb-1\",\"type\":\"order_paid\",\"ts\":" + now
                + ",\"props\":{\"orderId\":\"o-cb\",\"amountFen\":900}}]}", session.get("token").asText());
        drain();
        String profilePath = "/v1/apps/demo/customers/" + customerId;
        assertEquals(204, call("DELETE", profilePath, null, runtime.adminKey()).statusCode());
        runtime.clock().advance(java.time.Duration.ofMinutes(1));

        long later = runtime.clock().instant().toEpochMilli();
        call("POST", "/v1/events", "{\"events\":[{\"eventId\":\"cb-2\",\"type\":\"app_launch\",\"ts\":" + later
                + ",\"props\":{\"scene\":1001}}]}", session.get("token").asText());
        drain();

        JsonNode profile = Json.read(call("GET", profilePath, null, runtime.adminKey()).body(), JsonNode.class);
        assertEquals(0, profile.get("orders").asInt());
        assertEquals("NEW", profile.get("stage").asText());
    }
}
