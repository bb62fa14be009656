package com.mplifecycle.local.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mplifecycle.aws.admin.AdminKeys;
import com.mplifecycle.aws.store.EventChunkCodec;
import com.mplifecycle.local.runtime.LocalRuntime;
import com.mplifecycle.local.runtime.RuntimeOptions;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * 10,000 generated hostile requests (more with {@code -Drobustness.requests=N}) against the
 * session, ingest and admin routes through the real HTTP API: every answer is a 4xx with a
 * reason — except mixed batches, whose valid events are accepted — never a 5xx or a hang, and
 * exactly the valid events are stored, once.
 */
class HostileInputE2ET {
    static final int REQUESTS = Integer.getInteger("robustness.requests", 10_000);
    private static LocalRuntime runtime;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(new RuntimeOptions(0, false, 0, 0, "hostile-admin-key-0123456789", null));
        api = new ApiClient(runtime.apiUrl());
        // one customer sends all of these: the abuse limits (FloodE2ET) are kept out of the way
        ApiClient.Answer raised = api.send("PUT", "/v1/apps/demo/settings",
                "{\"limits\":{\"eventsPerMinute\":1000000,\"eventsPerDay\":1000000,\"loginsPerMinute\":10000}}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8), "hostile-admin-key-0123456789");
        assertEquals(200, raised.status(), raised.body());
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void hostileRequests_all4xxNothingStoredButValidEventsOnce() throws Exception {
        ApiClient.Answer session = api.post("/v1/session", "{\"appId\":\"demo\",\"code\":\"hostile~1\"}", null);
        String customerId = session.json().get("customerId").asText();
        String otherKey = new AdminKeys(runtime.profilesClient(), "AppsTable", runtime.clock()).create("other-app");
        HostileRequests generator = new HostileRequests(20261123, session.json().get("token").asText(), otherKey,
                runtime.clock().instant().toEpochMilli());
        List<HostileRequests.Request> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            requests.add(generator.next());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<ApiClient.Answer>> answers = new ArrayList<>();
        for (HostileRequests.Request r : requests) {
            answers.add(pool.submit(() -> api.send(r.method(), r.path(), r.body(), r.bearer())));
        }
        Map<String, Integer> byKind = new TreeMap<>();
        int serverErrors = 0;
        int accepted = 0;
        int withoutReason = 0;
        int spurious = 0;
        Set<String> expectedStored = new HashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            HostileRequests.Request r = requests.get(i);
            ApiClient.Answer a = answers.get(i).get();
            byKind.merge(r.kind() + " -> " + a.status(), 1, Integer::sum);
            // The JDK HTTP server itself answers a few malformed connections with "400 Bad Request".
            boolean reasoned = a.body().contains("\"error\"") || a.body().contains("\"message\"")
                    || a.body().contains("400 Bad Request");
            if (r.validEventIds().isEmpty() ? a.status() >= 500 || a.status() < 400 || !reasoned
                    : a.status() != 202) {
                System.out.println("unexpected: " + r.kind() + " -> " + a.status() + " " + a.body() + " sent "
                        + (r.body() == null ? "" : new String(r.body(), 0, Math.min(200, r.body().length),
                        java.nio.charset.StandardCharsets.UTF_8)));
            }
            serverErrors += a.status() >= 500 ? 1 : 0;
            if (r.validEventIds().isEmpty()) {
                withoutReason += a.status() >= 400 && a.status() < 500 && reasoned ? 0 : 1;
                accepted += a.status() < 400 ? 1 : 0;
            } else if (a.status() == 202) {
                // The oracle is what the server accepted: every event answered 202 must be stored, once.
                expectedStored.addAll(r.validEventIds());
            } else {
                spurious++;
            }
        }
        pool.shutdown();
        // A fresh connection: a hostile request can leave a pooled keep-alive connection mid-body, and the JDK
        // HTTP server then reads the leftover bytes as a bad request line and answers the next request 400.
        ApiClient.Answer drained = new ApiClient(runtime.apiUrl()).post("/_local/drain", "", null);
        assertEquals(200, drained.status(), drained.body());
        List<String> stored = storedEventIds(customerId);

        byKind.forEach((k, v) -> System.out.printf("  %-50s %6d%n", k, v));
        System.out.printf("robustness: %d hostile requests, %d server errors, %d invalid ones accepted, %d without a"
                + " reason, %d valid events accepted, %d stored, %d mixed batches refused at the HTTP layer%n",
                requests.size(), serverErrors, accepted, withoutReason, expectedStored.size(), stored.size(), spurious);
        assertEquals(0, serverErrors);
        assertEquals(0, accepted);
        assertEquals(0, withoutReason);
        // The JDK HTTP server answers a rare connection with its own "400 Bad request line"; never more.
        assertTrue(spurious <= requests.size() / 1000, spurious + " valid batches refused");
        Set<String> missing = new HashSet<>(expectedStored);
        missing.removeAll(stored);
        Set<String> extra = new HashSet<>(stored);
        extra.removeAll(expectedStored);
        assertEquals(Set.of(), missing, "valid events not stored");
        assertEquals(Set.of(), extra, "events stored that were not valid");
        assertEquals(stored.size(), new HashSet<>(stored).size(), "an event stored twice");
    }

    private static List<String> storedEventIds(String customerId) {
        List<String> ids = new ArrayList<>();
        for (Map<String, AttributeValue> item : runtime.profilesClient().scanPaginator(b -> b.tableName("EventsTable"))
                .items()) {
            assertTrue(item.get("pk").s().equals("demo#" + customerId), "events stored for someone else");
            EventChunkCodec.parseEvents(item.get(EventChunkCodec.EVENTS)).forEach(e -> ids.add(e.eventId()));
        }
        return ids;
    }
}
