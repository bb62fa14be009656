package com.mplifecycle.local.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.aws.store.ItemSize;
import com.mplifecycle.domain.app.AbuseLimits;
import com.mplifecycle.domain.lifecycle.ProfileBounds;
import com.mplifecycle.local.runtime.LocalRuntime;
import com.mplifecycle.local.runtime.RuntimeOptions;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One hostile customer's floods through the running system (issue: 20,000 `order_paid` made a
 * profile unwritable and everything after it was lost). Under the default limits most of the
 * flood is refused with 429; with the app's limits raised out of the way, 20,000 distinct ¥1
 * orders, 5,000 distinct cart skus and 2,000 accepted templates are all folded: afterwards a
 * launch and a subscription accept are applied at once, the order count is the number of orders
 * accepted, nothing is in the on-failure queue and every stored profile is within the budget.
 */
class FloodE2ET {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int REQUEST = 100;
    private static LocalRuntime runtime;
    private static long t0;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(new RuntimeOptions(0, false, 0, 0, "flood-admin-key-0123456789", null));
        t0 = runtime.clock().instant().minus(Duration.ofHours(6)).toEpochMilli();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    private record Answer(int status, String body, String retryAfter) {
        JsonNode json() {
            return Json.read(body, JsonNode.class);
        }
    }

    private static Answer call(String method, String path, String body, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(runtime.apiUrl() + path))
                .header("content-type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (bearer != null) {
            b.header("authorization", "Bearer " + bearer);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body(), r.headers().firstValue("retry-after").orElse(null));
    }

    private static JsonNode session(String code) throws Exception {
        Answer a = call("POST", "/v1/session", "{\"appId\":\"demo\",\"code\":\"" + code + "\"}", null);
        assertEquals(200, a.status(), a.body());
        return a.json();
    }

    private static void drain() throws Exception {
        assertEquals(200, call("POST", "/_local/drain", null, null).status());
    }

    /** What one flood did: events accepted, events refused by a limit, requests answered otherwise. */
    private record Flood(int accepted, int refused, int other, String retryAfter) {
    }

    /** {@code requests} requests of 100 events (event {@code i} from {@code event}), four at a time. */
    private static Flood flood(String token, int requests, IntFunction<String> event) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int r = 0; r < requests; r++) {
                StringBuilder body = new StringBuilder("{\"events\":[");
                for (int i = 0; i < REQUEST; i++) {
                    body.append(i == 0 ? "" : ",").append(event.apply(r * REQUEST + i));
                }
                String json = body.append("]}").toString();
                answers.add(pool.submit(() -> call("POST", "/v1/events", json, token)));
            }
            int accepted = 0;
            int refused = 0;
            int other = 0;
            String retryAfter = null;
            for (Future<Answer> f : answers) {
                Answer a = f.get();
                if (a.status() == 202) {
                    accepted += a.json().get("accepted").asInt();
                } else if (a.status() == 429) {
                    refused += REQUEST;
                    retryAfter = a.retryAfter();
                } else {
                    other++;
                }
            }
            return new Flood(accepted, refused, other, retryAfter);
        } finally {
            pool.shutdown();
        }
    }

    private static String orderPaid(String prefix, int n) {
        return "{\"eventId\":\"" + prefix + n + "\",\"type\":\"order_paid\",\"ts\":" + (t0 + n)
                + ",\"props\":{\"orderId\":\"" + prefix + "-order-" + n + "\",\"amountFen\":100}}";
    }

    private static JsonNode profile(String customerId) throws Exception {
        Answer a = call("GET", "/v1/apps/demo/customers/" + customerId, null, runtime.adminKey());
        assertEquals(200, a.status(), a.body());
        return a.json();
    }

    /** A launch and a subscription accept after the flood: both must show at once. */
    private static long visitAfterwards(String token, String prefix) throws Exception {
        long at = runtime.clock().instant().toEpochMilli();
        Answer a = call("POST", "/v1/events", "{\"events\":[{\"eventId\":\"" + prefix + "-launch\",\"type\":"
                + "\"app_launch\",\"ts\":" + at + ",\"props\":{\"scene\":1001}},{\"eventId\":\"" + prefix + "-accept\","
                + "\"type\":\"subscribe_result\",\"ts\":" + (at + 1) + ",\"props\":{\"results\":{\"TPL_AFTER\":"
                + "\"accept\"}}}]}", token);
        assertEquals(202, a.status(), a.body());
        return at + 1;
    }

    @Test
    void floods_refusedByLimitsOrFoldedWithinBudget_nothingLost() throws Exception {
        long started = System.nanoTime();
        // 1. the flood under the default limits: 20,000 distinct ¥1 orders in 200 requests
        JsonNode limited = session("flood-limited~1");
        Flood underDefaults = flood(limited.get("token").asText(), 200, n -> orderPaid("l", n));
        assertEquals(0, underDefaults.other());
        assertEquals(20_000, underDefaults.accepted() + underDefaults.refused());
        assertTrue(underDefaults.accepted() >= AbuseLimits.DEFAULTS.eventsPerMinute()
                && underDefaults.refused() >= 10_000, underDefaults.toString());
        assertTrue(Integer.parseInt(underDefaults.retryAfter()) >= 1, underDefaults.toString());

        // 2. the same with the app's limits raised out of the way (a day's worth in a minute):
        //    the profile bounds alone must hold
        Answer raised = call("PUT", "/v1/apps/demo/settings",
                "{\"limits\":{\"eventsPerMinute\":1000000,\"eventsPerDay\":1000000}}", runtime.adminKey());
        assertEquals(200, raised.status(), raised.body());
        runtime.clock().advance(Duration.ofMinutes(2)); // ingest's settings cache (1 minute) lapses
        JsonNode orders = session("flood-orders~1");
        JsonNode cart = session("flood-cart~1");
        JsonNode templates = session("flood-templates~1");
        Flood orderFlood = flood(orders.get("token").asText(), 200, n -> orderPaid("o", n));
        Flood cartFlood = flood(cart.get("token").asText(), 50, n -> "{\"eventId\":\"c" + n + "\",\"type\":"
                + "\"add_to_cart\",\"ts\":" + (t0 + n) + ",\"props\":{\"sku\":\"sku-" + n + "-" + "货".repeat(40)
                + "\",\"qty\":1,\"priceFen\":100}}");
        Flood templateFlood = flood(templates.get("token").asText(), 20, n -> "{\"eventId\":\"t" + n + "\",\"type\":"
                + "\"subscribe_result\",\"ts\":" + (t0 + n) + ",\"props\":{\"results\":{\"TPL_" + n + "_"
                + "x".repeat(60) + "\":\"accept\"}}}");
        assertEquals(new Flood(20_000, 0, 0, null), orderFlood);
        assertEquals(new Flood(5_000, 0, 0, null), cartFlood);
        assertEquals(new Flood(2_000, 0, 0, null), templateFlood);
        drain();

        Map<String, Long> visited = new java.util.HashMap<>();
        for (JsonNode s : List.of(limited, orders, cart, templates)) {
            visited.put(s.get("customerId").asText(),
                    visitAfterwards(s.get("token").asText(), s.get("customerId").asText()));
        }
        drain();

        assertEquals(underDefaults.accepted(), profile(limited.get("customerId").asText()).get("orders").asInt());
        assertEquals(20_000, profile(orders.get("customerId").asText()).get("orders").asInt());
        assertEquals(2_000_000, profile(orders.get("customerId").asText()).get("revenueFen").asLong());
        for (JsonNode s : List.of(limited, orders, cart, templates)) {
            JsonNode p = profile(s.get("customerId").asText());
            assertEquals(1, p.path("credits").path("TPL_AFTER").asInt(), p.toString());
            assertEquals(visited.get(s.get("customerId").asText()),
                    java.time.Instant.parse(p.get("lastActiveAt").asText()).toEpochMilli(), p.toString());
        }
        // logins: one openid's 21st in a minute is refused with Retry-After, another openid is not
        int loginsAdmitted = 0;
        Answer loginRefused = null;
        for (int i = 1; i <= AbuseLimits.DEFAULTS.loginsPerMinute() + 1 && loginRefused == null; i++) {
            Answer a = call("POST", "/v1/session", "{\"appId\":\"demo\",\"code\":\"login-flood~" + i + "\"}", null);
            if (a.status() == 200) {
                loginsAdmitted++;
            } else {
                loginRefused = a;
            }
        }
        assertTrue(loginRefused != null && loginRefused.status() == 429 && loginRefused.retryAfter() != null,
                loginsAdmitted + " logins admitted, then " + loginRefused);
        assertTrue(loginsAdmitted >= AbuseLimits.DEFAULTS.loginsPerMinute() - 1, loginsAdmitted + " logins");
        assertEquals(200, call("POST", "/v1/session", "{\"appId\":\"demo\",\"code\":\"someone-else~1\"}", null)
                .status());

        JsonNode dlq = call("GET", "/_local/dlq", null, null).json();
        assertEquals(0, dlq.get("streamOnFailure").size(), dlq.toString());
        long largest = 0;
        for (Map<String, AttributeValue> item : runtime.profilesClient()
                .scanPaginator(b -> b.tableName("ProfilesTable")).items()) {
            largest = Math.max(largest, ItemSize.of(item));
        }
        System.out.printf("flood: under the default limits %d of 20000 order_paid accepted, %d refused (429, "
                        + "Retry-After %ss); limits raised: %d orders, %d cart skus, %d template accepts folded; "
                        + "largest stored profile %d bytes (budget %d); on-failure records 0; %.1f s%n",
                underDefaults.accepted(), underDefaults.refused(), underDefaults.retryAfter(), orderFlood.accepted(),
                cartFlood.accepted(), templateFlood.accepted(), largest, ProfileBounds.BUDGET_BYTES,
                (System.nanoTime() - started) / 1e9);
        assertTrue(largest <= ProfileBounds.BUDGET_BYTES, largest + " bytes");
    }
}
