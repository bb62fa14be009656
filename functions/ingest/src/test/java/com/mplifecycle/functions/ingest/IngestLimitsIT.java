package com.mplifecycle.functions.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.auth.SessionTokens;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.http.ApiRequest;
import com.mplifecycle.aws.http.ApiResponse;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.TableKeys;
import com.mplifecycle.devtools.clock.SuppliedClock;
import com.mplifecycle.devtools.sandbox.LocalAws;
import com.mplifecycle.domain.app.AbuseLimits;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.lifecycle.LifecycleThresholds;
import com.mplifecycle.domain.profile.CustomerIds;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The per-customer abuse limits of ingest against DynamoDB Local: counters shared by every
 * container (two handlers here), refusals answered 429 with {@code Retry-After} and nothing stored.
 */
class IngestLimitsIT {
    /** Tomorrow 04:00:10 UTC: counters expire (TTL) a day after their window, and DynamoDB Local deletes expired items. */
    private static final Instant START = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS)
            .plus(Duration.ofDays(1)).plus(Duration.ofHours(4)).plusSeconds(10);
    private static final String KEY = "test-signing-key-0123456789-abcdefghijklmnop";
    private static final AtomicReference<Instant> now = new AtomicReference<>(START);
    private static LocalAws aws;
    private static IngestHandler handler;
    private static IngestHandler otherContainer;
    private static SessionTokens tokens;

    @BeforeAll
    static void start() {
        aws = LocalAws.start();
        Map<String, String> env = new HashMap<>(aws.environment("IngestFunction"));
        env.put(FunctionEnv.LOCAL_SECRETS_JSON, "{\"tokenSigningKey\":\"" + KEY + "\"}");
        Clock clock = SuppliedClock.utc(now::get);
        handler = new IngestHandler(new FunctionEnv(env, clock));
        otherContainer = new IngestHandler(new FunctionEnv(env, clock));
        tokens = new SessionTokens(KEY.getBytes(StandardCharsets.UTF_8), clock);
        new AppStore(aws.client(), "AppsTable", clock).putSettings(new AppSettings("tight", AppSettings.DEFAULT_ZONE,
                LifecycleThresholds.DEFAULTS, null, new AbuseLimits(200, 500, 5)));
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    private static String token(String appId, String openid) {
        return tokens.issue(appId, CustomerIds.of(appId, openid), openid);
    }

    private static ApiResponse post(IngestHandler h, String token, String prefix, int events) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            list.add("{\"eventId\":\"" + prefix + "-" + i + "\",\"type\":\"app_launch\",\"ts\":"
                    + now.get().toEpochMilli() + ",\"props\":{\"scene\":1001}}");
        }
        String body = "{\"events\":[" + String.join(",", list) + "]}";
        return h.handle(new ApiRequest("req", "POST /v1/events", "POST",
                Map.of("content-type", "application/json", "Authorization", "Bearer " + token), null, null, body,
                false));
    }

    private static int storedChunks(String appId, String openid) {
        return aws.client().query(b -> b.tableName("EventsTable").keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(
                        TableKeys.customer(appId, CustomerIds.of(appId, openid)))))).count();
    }

    @Test
    void perMinuteThenPerDay_refused429WithRetryAfter_nothingStored_laterAdmitted() {
        now.set(START);
        String t = token("tight", "o-limits");
        assertEquals(202, post(handler, t, "a", 100).statusCode());
        assertEquals(202, post(otherContainer, t, "b", 100).statusCode());

        ApiResponse refused = post(handler, t, "c", 1);

        assertEquals(429, refused.statusCode(), () -> aws.client().scan(b -> b.tableName("AppsTable")).items()
                .toString());
        assertEquals("50", refused.headers().get("retry-after"));
        JsonNode body = Json.read(refused.body(), JsonNode.class);
        assertEquals(50, body.get("retryAfter").asInt());
        assertTrue(body.get("error").asText().contains("eventsPerMinute"), body.toString());
        assertEquals(2, storedChunks("tight", "o-limits"));
        // the other container reads the same counters
        assertEquals(429, post(otherContainer, t, "d", 100).statusCode());

        now.set(START.plusSeconds(60));
        assertEquals(202, post(otherContainer, t, "e", 100).statusCode());
        assertEquals(202, post(handler, t, "f", 100).statusCode());
        now.set(START.plusSeconds(120));
        assertEquals(202, post(handler, t, "g", 100).statusCode());

        ApiResponse dayOver = post(otherContainer, t, "h", 1);

        assertEquals(429, dayOver.statusCode());
        long toMidnight = Duration.between(START.plusSeconds(120),
                START.truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofDays(1))).toSeconds();
        assertEquals(Long.toString(toMidnight), dayOver.headers().get("retry-after"));
        assertEquals(5, storedChunks("tight", "o-limits"));
        // another customer of the app is not affected
        assertEquals(202, post(handler, token("tight", "o-other"), "i", 100).statusCode());
    }

    @Test
    void concurrentRequests_neverTogetherExceedTheLimit() throws Exception {
        now.set(START.plus(Duration.ofDays(3)));
        String t = token("shop", "o-concurrent");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<ApiResponse>> answers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            IngestHandler h = i % 2 == 0 ? handler : otherContainer;
            String prefix = "p" + i;
            answers.add(pool.submit(() -> post(h, t, prefix, 100)));
        }
        int admitted = 0;
        int refused = 0;
        for (Future<ApiResponse> a : answers) {
            int status = a.get().statusCode();
            admitted += status == 202 ? 1 : 0;
            refused += status == 429 ? 1 : 0;
        }
        pool.shutdown();

        // the defaults: 1,000 events per customer and minute
        assertEquals(AbuseLimits.DEFAULTS.eventsPerMinute() / 100, admitted);
        assertEquals(30 - admitted, refused);
        assertEquals(admitted, storedChunks("shop", "o-concurrent"));
        Map<String, AttributeValue> counter = aws.client().getItem(b -> b.tableName("AppsTable").key(Map.of(
                TableKeys.PK, AttributeValue.fromS(TableKeys.limits("shop", CustomerIds.of("shop", "o-concurrent"))),
                TableKeys.SK, AttributeValue.fromS(TableKeys.eventsCounter(AbuseLimits.dayOf(now.get())))))).item();
        assertEquals(Long.toString(admitted * 100L), counter.get("d").n());
        assertTrue(Long.parseLong(counter.get("exp").n()) > now.get().getEpochSecond() + 86_400);
    }
}
