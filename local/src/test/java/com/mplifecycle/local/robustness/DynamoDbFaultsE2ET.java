package com.mplifecycle.local.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mplifecycle.aws.store.EventChunkCodec;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.aws.store.TableKeys;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.local.runtime.LocalRuntime;
import com.mplifecycle.local.runtime.RuntimeOptions;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Ingest and lifecycle while 20 % of every DynamoDB call is throttled or fails (before or after
 * the table applied it): mini-programs retry their batches, and every event still counts exactly
 * once. Prints the figures.
 */
class DynamoDbFaultsE2ET {
    static final int CUSTOMERS = Integer.getInteger("robustness.customers", 30);
    static final int REQUESTS_PER_CUSTOMER = 8;
    private static LocalRuntime runtime;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(new RuntimeOptions(0, false, 0, 0, "faults-admin-key-0123456789", null)
                .withFaultableDynamoDb());
        api = new ApiClient(runtime.apiUrl());
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    private record Sent(String customerId, Set<String> eventIds, long revenueFen, int orders) {
    }

    @Test
    void ingestAndLifecycle_twentyPercentFaults_nothingLostNothingDoubled() throws Exception {
        api.post("/_local/faults/dynamodb", "{\"rate\":0.2}", null);
        AtomicLong attempts = new AtomicLong();
        AtomicLong serverErrors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Sent>> work = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            int customer = c;
            work.add(pool.submit(() -> sendAll(customer, attempts, serverErrors)));
        }
        List<Sent> sent = new ArrayList<>();
        for (Future<Sent> f : work) {
            sent.add(f.get());
        }
        pool.shutdown();
        ApiClient.Answer faults = api.post("/_local/faults/dynamodb", "{\"rate\":0}", null);
        assertEquals(200, api.post("/_local/drain", "", null).status());

        ProfileStore profiles = new ProfileStore(runtime.profilesClient(), runtime.profilesTable());
        int lost = 0;
        int doubled = 0;
        for (Sent s : sent) {
            CustomerProfile p = profiles.load("demo", s.customerId()).orElseThrow();
            Set<String> stored = storedEventIds(s.customerId());
            lost += (int) s.eventIds().stream().filter(id -> !stored.contains(id)).count();
            doubled += Math.max(0, stored.size() - s.eventIds().size());
            assertEquals(s.orders(), p.paidOrders(), "orders of " + s.customerId());
            assertEquals(s.revenueFen(), p.revenueFen(), "revenue of " + s.customerId());
        }
        System.out.printf("robustness: %d requests (%d attempts, %d answered 5xx and retried by the client),"
                + " DynamoDB proxy %s, %d events lost, %d double counted%n", CUSTOMERS * REQUESTS_PER_CUSTOMER,
                attempts.get(), serverErrors.get(), faults.body(), lost, doubled);
        assertEquals(0, lost);
        assertEquals(0, doubled);
        assertTrue(faults.json().get("throttled").asLong() > 0, "faults were injected");
    }

    private Sent sendAll(int customer, AtomicLong attempts, AtomicLong serverErrors) throws Exception {
        String user = "faulty" + customer;
        // a login counts in DynamoDB too (abuse limits), so it may answer 503 "retry later": retried as the SDK
        // does, with a fresh wx.login code each time (a code is single use, and WeChat may have taken it)
        ApiClient.Answer session;
        for (int attempt = 1; ; attempt++) {
            session = api.post("/v1/session", "{\"appId\":\"demo\",\"code\":\"" + user + "~" + attempt + "\"}", null);
            if (session.status() == 200) {
                break;
            }
            assertTrue(session.status() >= 500, "only server errors are retried: " + session.status() + " " + session.body());
            assertTrue(attempt < 30, "gave up logging in after 30 attempts");
        }
        String token = session.json().get("token").asText();
        Set<String> ids = new HashSet<>();
        long revenue = 0;
        long now = runtime.clock().instant().toEpochMilli();
        for (int r = 0; r < REQUESTS_PER_CUSTOMER; r++) {
            String prefix = user + "-" + r + "-";
            long amount = 100 + customer * 10L + r;
            String body = "{\"events\":[" + event(prefix + "l", "app_launch", now + r, "{\"scene\":1001}") + ","
                    + event(prefix + "v", "page_view", now + r, "{\"path\":\"pages/a\"}") + ","
                    + event(prefix + "p", "order_paid", now + r, "{\"orderId\":\"" + prefix + "o\",\"amountFen\":"
                    + amount + "}") + "]}";
            for (int attempt = 1; ; attempt++) {
                attempts.incrementAndGet();
                ApiClient.Answer a = api.post("/v1/events", body, token);
                if (a.status() == 202) {
                    break;
                }
                assertTrue(a.status() >= 500, "only server errors are retried: " + a.status() + " " + a.body());
                serverErrors.incrementAndGet();
                assertTrue(attempt < 30, "gave up after 30 attempts");
            }
            ids.addAll(List.of(prefix + "l", prefix + "v", prefix + "p"));
            revenue += amount;
        }
        return new Sent(session.json().get("customerId").asText(), ids, revenue, REQUESTS_PER_CUSTOMER);
    }

    private static String event(String id, String type, long ts, String props) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"" + type + "\",\"ts\":" + ts + ",\"props\":" + props + "}";
    }

    private static Set<String> storedEventIds(String customerId) {
        Set<String> ids = new HashSet<>();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", AttributeValue.fromS(TableKeys.customer("demo", customerId)));
        int total = 0;
        for (Map<String, AttributeValue> item : runtime.profilesClient().queryPaginator(b -> b.tableName("EventsTable")
                .keyConditionExpression("pk = :pk").expressionAttributeValues(values)).items()) {
            for (var e : EventChunkCodec.parseEvents(item.get(EventChunkCodec.EVENTS))) {
                ids.add(e.eventId());
                total++;
            }
        }
        assertEquals(ids.size(), total, "an event stored twice for " + customerId);
        return ids;
    }
}
