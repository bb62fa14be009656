package com.mplifecycle.functions.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mplifecycle.aws.http.ApiRequest;
import com.mplifecycle.aws.http.ApiResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.auth.SessionTokens;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.aws.store.EventChunkCodec;
import com.mplifecycle.devtools.sandbox.LocalAws;
import com.mplifecycle.domain.profile.CustomerIds;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The ingest handler against the template's events table in DynamoDB Local. */
class IngestHandlerIT {
    private static final Instant NOW = Instant.parse("2026-03-01T04:00:00Z");
    private static final String KEY = "test-signing-key-0123456789-abcdefghijklmnop";
    private static LocalAws aws;
    private static IngestHandler handler;
    private static SessionTokens tokens;
    private static String customerId;
    private static String token;

    @BeforeAll
    static void start() {
        aws = LocalAws.start();
        Map<String, String> env = new HashMap<>(aws.environment("IngestFunction"));
        env.put(FunctionEnv.LOCAL_SECRETS_JSON, "{\"tokenSigningKey\":\"" + KEY + "\"}");
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        handler = new IngestHandler(new FunctionEnv(env, clock));
        tokens = new SessionTokens(KEY.getBytes(StandardCharsets.UTF_8), clock);
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @BeforeEach
    void newCustomer() {
        String openid = "o" + System.nanoTime();
        customerId = CustomerIds.of("shop", openid);
        token = tokens.issue("shop", customerId, openid);
    }

    private static ApiResponse post(String body, String bearer) {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json");
        if (bearer != null) {
            headers.put("Authorization", "Bearer " + bearer);
        }
        return handler.handle(new ApiRequest("req-1", "POST /v1/events", "POST", headers, null, null, body, false));
    }

    private static String launch(String id, Instant at) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"app_launch\",\"ts\":" + at.toEpochMilli()
                + ",\"props\":{\"scene\":1001}}";
    }

    private static String batch(String... events) {
        return "{\"events\":[" + String.join(",", events) + "]}";
    }

    private static List<Map<String, AttributeValue>> storedChunks() {
        return aws.client().query(b -> b.tableName("EventsTable").keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("shop#" + customerId)))).items();
    }

    private static JsonNode json(ApiResponse r) {
        return Json.read(r.body(), JsonNode.class);
    }

    @Test
    void post_validBatch_202AndOneChunkWithAllEvents() {
        ApiResponse r = post(batch(launch("a", NOW), launch("b", NOW.plusSeconds(1))), token);

        assertEquals(202, r.statusCode());
        assertEquals(2, json(r).get("accepted").asInt());
        List<Map<String, AttributeValue>> chunks = storedChunks();
        assertEquals(1, chunks.size());
        assertEquals(2, EventChunkCodec.parseEvents(chunks.get(0).get("ev")).size());
        long ttl = Long.parseLong(chunks.get(0).get("exp").n());
        assertEquals(NOW.plus(Duration.ofDays(400)).getEpochSecond(), ttl);
    }

    @Test
    void post_sameBatchRetried_storedOnce() {
        String body = batch(launch("a", NOW), launch("b", NOW.plusSeconds(1)));

        post(body, token);
        ApiResponse retry = post(body, token);

        assertEquals(202, retry.statusCode());
        assertEquals(1, storedChunks().size());
    }

    @Test
    void post_mixedBatch_storesValidRejectsInvalidWithReasons() {
        String bad = "{\"eventId\":\"c\",\"type\":\"order_paid\",\"ts\":" + NOW.toEpochMilli()
                + ",\"props\":{\"orderId\":\"o1\",\"amountFen\":\"9.9\"}}";
        String old = launch("d", NOW.minus(Duration.ofDays(40)));

        ApiResponse r = post(batch(launch("a", NOW), bad, old), token);

        assertEquals(202, r.statusCode());
        JsonNode body = json(r);
        assertEquals(1, body.get("accepted").asInt());
        assertEquals(1, body.get("rejected").get(0).get("index").asInt());
        assertEquals("c", body.get("rejected").get(0).get("eventId").asText());
        assertEquals("props.amountFen must be an integer", body.get("rejected").get(0).get("reason").asText());
        assertEquals("ts is older than 30 days", body.get("rejected").get(1).get("reason").asText());
        assertEquals(1, EventChunkCodec.parseEvents(storedChunks().get(0).get("ev")).size());
    }

    @Test
    void post_allRejected_400WithReasonsAndStoresNothing() {
        ApiResponse r = post(batch("{\"eventId\":\"x\",\"type\":\"nope\",\"ts\":1}"), token);

        assertEquals(400, r.statusCode());
        assertEquals("unknown event type", json(r).get("rejected").get(0).get("reason").asText());
        assertEquals(0, json(r).get("accepted").asInt());
        assertTrue(storedChunks().isEmpty());
    }

    @Test
    void post_badTokens_401AndNothingStored() {
        String body = batch(launch("a", NOW));
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(new byte[32]);
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(
                StandardCharsets.UTF_8)) + "." + parts[1] + ".";
        SessionTokens past = new SessionTokens(KEY.getBytes(StandardCharsets.UTF_8),
                Clock.fixed(NOW.minus(Duration.ofHours(3)), ZoneOffset.UTC));
        SessionTokens otherKey = new SessionTokens("another-key-another-key-another-key-1234".getBytes(
                StandardCharsets.UTF_8), Clock.fixed(NOW, ZoneOffset.UTC));

        assertEquals("missing bearer token", json(post(body, null)).get("error").asText());
        assertEquals("malformed token", json(post(body, "abc")).get("error").asText());
        assertEquals("bad token signature", json(post(body, forged)).get("error").asText());
        assertEquals("unsupported token algorithm", json(post(body, none)).get("error").asText());
        assertEquals("expired token", json(post(body, past.issue("shop", customerId, "o"))).get("error").asText());
        assertEquals(401, post(body, otherKey.issue("shop", customerId, "o")).statusCode());
        assertTrue(storedChunks().isEmpty());
    }

    @Test
    void post_malformedOrOversized_clear4xx() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(launch("e" + i, NOW));
        }
        String huge = "{\"events\":[" + launch("a", NOW) + "],\"pad\":\"" + "x".repeat(300 * 1024) + "\"}";

        assertEquals(400, post("{\"events\":[", token).statusCode());
        assertEquals("body is not valid JSON", json(post("{\"events\":[", token)).get("error").asText());
        assertEquals("events must be an array", json(post("{\"events\":{}}", token)).get("error").asText());
        assertEquals(413, post(batch(many.toArray(String[]::new)), token).statusCode());
        assertEquals(413, post(huge, token).statusCode());
        assertEquals(400, post("[" .repeat(100) + "]".repeat(100), token).statusCode());
        assertTrue(storedChunks().isEmpty());
    }
}
