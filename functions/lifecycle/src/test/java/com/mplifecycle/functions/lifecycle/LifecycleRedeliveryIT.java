package com.mplifecycle.functions.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.aws.store.EventChunk;
import com.mplifecycle.aws.store.EventStore;
import com.mplifecycle.aws.store.FunnelStore;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.devtools.events.EventBridgeEndpoint;
import com.mplifecycle.devtools.events.LocalEventBus;
import com.mplifecycle.devtools.invoke.LambdaInvoker;
import com.mplifecycle.devtools.invoke.LocalContext;
import com.mplifecycle.devtools.sandbox.LocalAws;
import com.mplifecycle.devtools.streams.StreamEventSource;
import com.mplifecycle.devtools.streams.StreamSourceConfig;
import com.mplifecycle.domain.event.EventType;
import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.domain.funnel.FunnelStep;
import com.mplifecycle.domain.profile.CustomerProfile;

/**
 * Every stream batch is delivered twice, and the first attempt of each batch crashes after
 * handling half of its records (as a function timing out mid-batch would): totals still count
 * every event once, and each stage change reaches the bus (published from the profiles table's stream, whose
 * batches are delivered just as badly).
 */
class LifecycleRedeliveryIT {
    private static final Instant NOW = Instant.parse("2026-03-01T04:00:00Z");

    @Test
    void stream_crashMidBatchAndDoubleDelivery_zeroDoubleCounts() throws Exception {
        try (LocalAws aws = LocalAws.start(); LocalEventBus bus = new LocalEventBus(Clock.fixed(NOW, ZoneOffset.UTC))) {
            String busName = aws.names().valueOf("LifecycleBus");
            bus.registerBus(busName);
            Set<String> growing = ConcurrentHashMap.newKeySet();
            bus.addRule("growing", busName, "{\"detail\":{\"to\":[\"GROWING\"]}}",
                    e -> growing.add(Json.read(e, JsonNode.class).get("detail").get("customerId").asText()));
            try (EventBridgeEndpoint endpoint = EventBridgeEndpoint.start(bus)) {
                aws.endpoint("EVENTBRIDGE", endpoint.uri());
                LambdaInvoker invoker = LambdaInvoker.of(new LifecycleHandler(new FunctionEnv(
                        new HashMap<>(aws.environment("LifecycleFunction")), Clock.fixed(NOW, ZoneOffset.UTC))));
                Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
                Map<String, AtomicInteger> relayAttempts = new ConcurrentHashMap<>();
                String arn = aws.client().describeTable(b -> b.tableName("EventsTable")).table().latestStreamArn();
                String profilesArn = aws.client().describeTable(b -> b.tableName("ProfilesTable")).table()
                        .latestStreamArn();
                try (StreamEventSource source = StreamEventSource.create(new StreamSourceConfig("EventsTable", arn,
                        25, 0, "TRIM_HORIZON", true, false, 10, -1, "LifecycleFunction", "us-east-1"),
                        aws.dynamo().streamsClient(), json -> deliverBadly(invoker, json, attempts));
                     StreamEventSource relaySource = StreamEventSource.create(new StreamSourceConfig("ProfilesTable",
                        profilesArn, 25, 0, "TRIM_HORIZON", true, false, 10, -1, "LifecycleFunction",
                        "us-east-1"), aws.dynamo().streamsClient(), json -> deliverBadly(invoker, json, relayAttempts))) {
                    source.start();
                    relaySource.start();
                    EventStore events = new EventStore(aws.client(), "EventsTable", Duration.ofDays(400));
                    for (int c = 0; c < 20; c++) {
                        List<TrackedEvent> batch = new ArrayList<>();
                        batch.add(new TrackedEvent("c" + c + "-launch", EventType.APP_LAUNCH, NOW.minusSeconds(1),
                                Map.of("scene", 1001L)));
                        for (int o = 0; o < 3; o++) {
                            batch.add(new TrackedEvent("c" + c + "-o" + o, EventType.ORDER_PAID, NOW.plusSeconds(o),
                                    Map.of("orderId", "c" + c + "-order" + o, "amountFen", 100L + o)));
                        }
                        events.write(List.of(new EventChunk("shop", "c_" + c, "o" + c, batch)), NOW);
                    }
                    assertTrue(source.awaitIdle(Duration.ofSeconds(30)));
                    assertTrue(relaySource.awaitIdle(Duration.ofSeconds(30)));
                    assertTrue(bus.awaitIdle(Duration.ofSeconds(30)));
                }
                ProfileStore profiles = new ProfileStore(aws.client(), "ProfilesTable");
                for (int c = 0; c < 20; c++) {
                    CustomerProfile p = profiles.load("shop", "c_" + c).orElseThrow();
                    assertEquals(3, p.paidOrders());
                    assertEquals(303, p.revenueFen());
                }
                assertEquals(20, growing.size(), "every promotion published despite the crashes");
                Map<FunnelStep, Long> day = new FunnelStore(aws.client(), "AppsTable")
                        .counts("shop", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1)).distinct();
                assertEquals(20L, day.get(FunnelStep.LAUNCH), "each customer's launch counted once");
                assertTrue(attempts.values().stream().allMatch(a -> a.get() >= 3), "each batch crashed once, then twice");
            }
        }
    }

    /** First attempt: handle the first half of the records, then crash. Later attempts: deliver twice. */
    private static String deliverBadly(LambdaInvoker invoker, String json, Map<String, AtomicInteger> attempts) {
        JsonNode batch = Json.read(json, JsonNode.class);
        String key = batch.get("Records").get(0).get("dynamodb").get("SequenceNumber").asText();
        int attempt = attempts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        if (attempt == 1) {
            ArrayNode records = (ArrayNode) batch.get("Records");
            ObjectNode half = Json.MAPPER.createObjectNode();
            ArrayNode firstHalf = half.putArray("Records");
            for (int i = 0; i < Math.max(1, records.size() / 2); i++) {
                firstHalf.add(records.get(i));
            }
            invoke(invoker, half.toString());
            throw new IllegalStateException("crash mid-batch");
        }
        invoke(invoker, json);
        attempts.get(key).incrementAndGet();
        return invoke(invoker, json);
    }

    private static String invoke(LambdaInvoker invoker, String json) {
        return invoker.invoke(json, LocalContext.start("LifecycleFunction", "us-east-1", 1024, Duration.ofSeconds(60)));
    }
}
