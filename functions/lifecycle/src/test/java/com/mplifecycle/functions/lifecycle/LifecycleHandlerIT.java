package com.mplifecycle.functions.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.EventChunk;
import com.mplifecycle.aws.store.EventChunkCodec;
import com.mplifecycle.aws.store.EventStore;
import com.mplifecycle.aws.store.FeedbackStore;
import com.mplifecycle.aws.store.ItemSize;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.aws.store.SharingStore;
import com.mplifecycle.aws.store.TableKeys;
import com.mplifecycle.devtools.events.EventBridgeEndpoint;
import com.mplifecycle.devtools.events.LocalEventBus;
import com.mplifecycle.devtools.invoke.LambdaInvoker;
import com.mplifecycle.devtools.invoke.LocalContext;
import com.mplifecycle.devtools.sandbox.LocalAws;
import com.mplifecycle.devtools.streams.StreamEventSource;
import com.mplifecycle.devtools.streams.StreamSourceConfig;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.app.SettingsReader;
import com.mplifecycle.domain.event.EventType;
import com.mplifecycle.domain.event.ServerOrders;
import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.domain.feedback.FeedbackItem;
import com.mplifecycle.domain.feedback.FeedbackStatus;
import com.mplifecycle.domain.lifecycle.ProfileBounds;
import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.sharing.SharingStatistics;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.Order;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The lifecycle handler fed by real stream records of the template's events table in DynamoDB
 * Local; its committed stage changes reach the local bus through the profiles table's stream (the
 * handler's second trigger), with the real EventBridge client.
 */
class LifecycleHandlerIT {
    private static final Instant NOW = Instant.parse("2026-03-01T04:00:00Z");
    private static LocalAws aws;
    private static LocalEventBus bus;
    private static EventBridgeEndpoint endpoint;
    private static StreamEventSource source;
    private static StreamEventSource relaySource;
    private static LambdaInvoker invoker;
    private static EventStore events;
    private static ProfileStore profiles;
    private static final List<String> delivered = new CopyOnWriteArrayList<>();
    private static final List<String> batches = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        aws = LocalAws.start();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        bus = new LocalEventBus(clock);
        String busName = aws.names().valueOf("LifecycleBus");
        bus.registerBus(busName);
        bus.addRule("all-stage-changes", busName, "{\"detail-type\":[\"CustomerStageChanged\"]}", delivered::add);
        endpoint = EventBridgeEndpoint.start(bus);
        aws.endpoint("EVENTBRIDGE", endpoint.uri());
        Map<String, String> env = new HashMap<>(aws.environment("LifecycleFunction"));
        invoker = LambdaInvoker.of(new LifecycleHandler(new FunctionEnv(env, clock)));
        String streamArn = aws.client().describeTable(b -> b.tableName("EventsTable")).table().latestStreamArn();
        source = StreamEventSource.create(new StreamSourceConfig("EventsTable", streamArn, 100, 0, "TRIM_HORIZON",
                true, true, 3, -1, "LifecycleFunction", "us-east-1"), aws.dynamo().streamsClient(), json -> {
                    batches.add(json);
                    return invoke(json);
                });
        source.start();
        String profilesArn = aws.client().describeTable(b -> b.tableName("ProfilesTable")).table().latestStreamArn();
        relaySource = StreamEventSource.create(new StreamSourceConfig("ProfilesTable", profilesArn, 100, 0,
                "TRIM_HORIZON", true, true, 3, -1, "LifecycleFunction", "us-east-1"),
                aws.dynamo().streamsClient(), LifecycleHandlerIT::invoke);
        relaySource.start();
        events = new EventStore(aws.client(), "EventsTable", Duration.ofDays(400));
        profiles = new ProfileStore(aws.client(), "ProfilesTable");
    }

    @AfterAll
    static void stop() {
        source.close();
        relaySource.close();
        endpoint.close();
        bus.close();
        aws.close();
    }

    private static String invoke(String json) {
        return invoker.invoke(json, LocalContext.start("LifecycleFunction", "us-east-1", 1024, Duration.ofSeconds(60)));
    }

    private static void drain() throws InterruptedException {
        assertTrue(source.awaitIdle(Duration.ofSeconds(20)), "stream not drained");
        assertTrue(relaySource.awaitIdle(Duration.ofSeconds(20)), "profiles stream not drained");
        assertTrue(bus.awaitIdle(Duration.ofSeconds(20)), "bus not drained");
    }

    private static TrackedEvent launch(String id, Instant at) {
        return new TrackedEvent(id, EventType.APP_LAUNCH, at, Map.of("scene", 1001L));
    }

    private static TrackedEvent paid(String id, Instant at, String orderId, long fen) {
        return new TrackedEvent(id, EventType.ORDER_PAID, at, Map.of("orderId", orderId, "amountFen", fen));
    }

    private static long deliveredFor(String customerId) {
        return delivered.stream().filter(e -> e.contains(customerId)).count();
    }

    @Test
    void stream_newBuyer_profileFoldedAndStageChangesPublished() throws Exception {
        events.write(List.of(new EventChunk("shop", "c_buyer", "o-buyer", List.of(launch("a1", NOW.minusSeconds(60)),
                paid("a2", NOW.minusSeconds(30), "order-1", 4200)))), NOW);
        drain();

        CustomerProfile p = profiles.load("shop", "c_buyer").orElseThrow();
        assertEquals(Stage.GROWING, p.stage());
        assertEquals(4200, p.revenueFen());
        assertEquals("o-buyer", p.openid());
        List<JsonNode> details = delivered.stream().map(e -> Json.read(e, JsonNode.class))
                .filter(e -> e.path("detail").path("customerId").asText().equals("c_buyer"))
                // the bus delivers on several threads, in no guaranteed order (as EventBridge)
                .map(e -> e.get("detail")).sorted(Comparator.comparing((JsonNode d) -> d.get("at").asText())).toList();
        assertEquals(2, details.size());
        assertEquals("NEW", details.get(0).get("to").asText());
        assertTrue(details.get(0).get("from").isNull());
        assertEquals("GROWING", details.get(1).get("to").asText());
        assertEquals("paid_orders", details.get(1).get("reason").asText());
        assertEquals(NOW.minusSeconds(30).toString(), details.get(1).get("at").asText());
    }

    /** One customer's 5,000 distinct ¥1 orders in requests of 100: every one folded, the item within budget. */
    @Test
    void stream_floodOfOrders_everyChunkFolded_profileWithinBudget() throws Exception {
        int failedBefore = source.onFailureRecords().size();
        for (int r = 0; r < 50; r++) {
            List<TrackedEvent> request = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                int n = r * 100 + i;
                request.add(paid("f" + n, NOW.minusSeconds(20_000 - n), "flood-order-" + n + "-" + "x".repeat(40), 100));
            }
            events.write(List.of(new EventChunk("shop", "c_flood", "o-flood", request)), NOW);
        }
        drain();

        CustomerProfile p = profiles.load("shop", "c_flood").orElseThrow();
        assertEquals(5_000, p.paidOrders());
        assertEquals(500_000, p.revenueFen());
        assertEquals(failedBefore, source.onFailureRecords().size());
        assertTrue(storedBytes("c_flood") <= ProfileBounds.BUDGET_BYTES, storedBytes("c_flood") + " bytes");
    }

    /** A profile stored over the budget before it existed is brought within it by the customer's next event. */
    @Test
    void stream_profileStoredOverBudgetBefore_repairedByNextEvent() throws Exception {
        List<Order> orders = new ArrayList<>();
        java.util.Random random = new Random(7);
        for (int i = 0; i < 6_000; i++) {
            orders.add(new Order(i + "-" + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong())
                    + Long.toHexString(random.nextLong()), NOW.minus(Duration.ofDays(20)).plusSeconds(120L * i), 100,
                    Map.of(), null));
        }
        CustomerProfile big = CustomerProfile.empty("shop", "c_big").toBuilder().openid("o-big")
                .stage(Stage.MATURE, NOW.minus(Duration.ofDays(19))).firstSeenAt(NOW.minus(Duration.ofDays(20)))
                .lastActiveAt(NOW.minus(Duration.ofDays(2))).orders(orders).build();
        profiles.save(big).orElseThrow();
        long before = storedBytes("c_big");
        assertTrue(before > ProfileBounds.BUDGET_BYTES, before + " bytes");

        events.write(List.of(new EventChunk("shop", "c_big", "o-big", List.of(launch("big-1", NOW.minusSeconds(5))))),
                NOW);
        drain();

        CustomerProfile p = profiles.load("shop", "c_big").orElseThrow();
        assertEquals(6_000, p.paidOrders());
        assertEquals(600_000, p.revenueFen());
        assertTrue(storedBytes("c_big") <= ProfileBounds.BUDGET_BYTES, storedBytes("c_big") + " bytes");
    }

    private static long storedBytes(String customerId) {
        return ItemSize.of(aws.client().getItem(b -> b.tableName("ProfilesTable").consistentRead(true)
                .key(Map.of(TableKeys.PK, AttributeValue.fromS(TableKeys.customer("shop", customerId))))).item());
    }

    /** Chunks stored before compression hold their events as JSON text: the stream still folds them. */
    @Test
    void stream_chunkStoredAsTextBeforeCompression_isFolded() throws Exception {
        String text = EventChunkCodec.eventsJson(List.of(paid("x1", NOW.minusSeconds(10), "order-x", 700)));
        aws.client().putItem(b -> b.tableName("EventsTable").item(Map.of(
                TableKeys.PK, AttributeValue.fromS(TableKeys.customer("shop", "c_text")),
                TableKeys.SK, AttributeValue.fromS(TableKeys.eventChunk(NOW.minusSeconds(10).toEpochMilli(), "00aa")),
                EventChunkCodec.OPENID, AttributeValue.fromS("o-text"),
                EventChunkCodec.EVENTS, AttributeValue.fromS(text),
                EventChunkCodec.RECEIVED, AttributeValue.fromN(Long.toString(NOW.toEpochMilli())))));
        drain();

        CustomerProfile p = profiles.load("shop", "c_text").orElseThrow();
        assertEquals(1, p.paidOrders());
        assertEquals(700, p.revenueFen());
    }

    /** What ingest stores now: the events deflated into a binary attribute, folded like the text. */
    @Test
    void stream_deflatedChunk_isFolded() throws Exception {
        List<TrackedEvent> many = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            many.add(launch("d" + i, NOW.minusSeconds(100 - i)));
        }
        many.add(paid("d-paid", NOW.minusSeconds(50), "order-d", 900));
        events.write(List.of(new EventChunk("shop", "c_deflated", "o-deflated", many)), NOW);
        drain();

        var stored = aws.client().query(b -> b.tableName("EventsTable").keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableKeys.customer("shop", "c_deflated")))))
                .items().get(0).get(EventChunkCodec.EVENTS);
        assertTrue(stored.b() != null, "stored as binary");
        CustomerProfile p = profiles.load("shop", "c_deflated").orElseThrow();
        assertEquals(900, p.revenueFen());
        assertEquals("o-deflated", p.openid());
    }

    /**
     * {@code orders.clientOrders: "ignore"} as {@code PUT /v1/apps/{appId}/settings} stores it: a client's
     * {@code order_paid} (forgeable) moves no stage and reaches no order list (RFM reads it), the server's
     * order does.
     */
    @Test
    void stream_clientOrdersIgnored_byStoredSetting_onlyServerOrdersCount() throws Exception {
        AppSettings ignore = ((SettingsReader.Valid) SettingsReader.read(AppSettings.defaults("strict"),
                Map.of("orders", Map.of("clientOrders", "ignore")))).settings();
        new AppStore(aws.client(), "AppsTable", Clock.fixed(NOW, ZoneOffset.UTC)).putSettings(ignore);
        events.write(List.of(new EventChunk("strict", "c_forger", "o-forger", List.of(launch("g0", NOW.minusSeconds(60)),
                paid("g1", NOW.minusSeconds(50), "forged-1", 9_999_900)))), NOW);
        drain();
        CustomerProfile forged = profiles.load("strict", "c_forger").orElseThrow();
        assertEquals(Stage.NEW, forged.stage(), "a client's order moves no stage");
        assertEquals(0, forged.paidOrders());

        events.write(List.of(new EventChunk("strict", "c_forger", "o-forger", List.of(
                new ServerOrders.Order("s-1", "c_forger", null, 2_500, NOW.minusSeconds(40)).event()))), NOW);
        drain();
        CustomerProfile p = profiles.load("strict", "c_forger").orElseThrow();
        assertEquals(Stage.GROWING, p.stage());
        assertEquals(List.of("s-1"), p.orders().stream().map(Order::orderId).toList());
        assertEquals(2_500, p.revenueFen());
    }

    @Test
    void stream_retriedIngestBatch_countsOnce() throws Exception {
        EventChunk chunk = new EventChunk("shop", "c_retry", "o-retry", List.of(paid("r1", NOW, "order-9", 1000)));
        events.write(List.of(chunk), NOW);
        events.write(List.of(chunk), NOW.plusSeconds(5));
        drain();

        CustomerProfile p = profiles.load("shop", "c_retry").orElseThrow();
        assertEquals(1, p.paidOrders());
        assertEquals(1000, p.revenueFen());
        assertEquals(2, deliveredFor("c_retry"));
    }

    @Test
    void handler_sameBatchDeliveredTwice_secondDeliveryChangesNothing() throws Exception {
        events.write(List.of(new EventChunk("shop", "c_twice", "o-twice", List.of(launch("t1", NOW),
                paid("t2", NOW.plusSeconds(1), "order-t", 500)))), NOW);
        drain();
        String batch = batches.stream().filter(b -> b.contains("c_twice")).findFirst().orElseThrow();
        CustomerProfile before = profiles.load("shop", "c_twice").orElseThrow();
        long publishedBefore = deliveredFor("c_twice");

        String response = invoke(batch);
        drain();

        assertEquals(0, Json.read(response, JsonNode.class).path("batchItemFailures").size());
        CustomerProfile after = profiles.load("shop", "c_twice").orElseThrow();
        assertEquals(before.version(), after.version());
        assertEquals(before, after);
        assertEquals(publishedBefore, deliveredFor("c_twice"));
    }

    @Test
    void handler_badRecord_reportedAsItemFailureOthersProcessed() throws Exception {
        String good = "{\"eventID\":\"1\",\"eventName\":\"INSERT\",\"eventVersion\":\"1.1\",\"eventSource\":"
                + "\"aws:dynamodb\",\"awsRegion\":\"us-east-1\",\"dynamodb\":{\"Keys\":{\"pk\":{\"S\":\"shop#c_good\"}},"
                + "\"NewImage\":{\"pk\":{\"S\":\"shop#c_good\"},\"sk\":{\"S\":\"1#x\"},\"ev\":{\"S\":\"[{\\\"i\\\":\\\"g1\\\","
                + "\\\"t\\\":\\\"app_launch\\\",\\\"ts\\\":" + NOW.toEpochMilli() + ",\\\"p\\\":{\\\"scene\\\":1}}]\"}},"
                + "\"SequenceNumber\":\"900000000000000000001\",\"SizeBytes\":100,\"StreamViewType\":\"NEW_IMAGE\"}}";
        String bad = "{\"eventID\":\"2\",\"eventName\":\"INSERT\",\"eventVersion\":\"1.1\",\"eventSource\":"
                + "\"aws:dynamodb\",\"awsRegion\":\"us-east-1\",\"dynamodb\":{\"Keys\":{\"pk\":{\"S\":\"shop#c_bad\"}},"
                + "\"NewImage\":{\"pk\":{\"S\":\"shop#c_bad\"},\"ev\":{\"S\":\"not json\"}},"
                + "\"SequenceNumber\":\"900000000000000000002\",\"SizeBytes\":100,\"StreamViewType\":\"NEW_IMAGE\"}}";

        String response = invoke("{\"Records\":[" + good + "," + bad + "]}");

        JsonNode failures = Json.read(response, JsonNode.class).path("batchItemFailures");
        assertEquals(1, failures.size());
        assertEquals("900000000000000000002", failures.get(0).get("itemIdentifier").asText());
        assertEquals(Stage.NEW, profiles.load("shop", "c_good").orElseThrow().stage());
        assertTrue(profiles.load("shop", "c_bad").isEmpty());
    }

    @Test
    void stream_feedbackSentTwice_oneOpenInboxItemWithTheStage() throws Exception {
        TrackedEvent complaint = new TrackedEvent("fb1", EventType.FEEDBACK, NOW.minusSeconds(20),
                Map.of("category", "complaint", "text", "<script>x</script> 太慢", "page", "pages/order/detail"));
        EventChunk chunk = new EventChunk("shop", "c_feedback", "o-fb", List.of(launch("fb0", NOW.minusSeconds(40)),
                complaint));
        events.write(List.of(chunk), NOW);
        drain();
        events.write(List.of(chunk), NOW.plusSeconds(5)); // a retried request: the chunk again, a MODIFY record
        drain();

        List<FeedbackItem> inbox = new FeedbackStore(aws.client(), "AppsTable").all("shop", NOW.minusSeconds(3600),
                NOW.plusSeconds(3600)).stream().filter(i -> i.customerId().equals("c_feedback")).toList();
        assertEquals(1, inbox.size());
        assertEquals("<script>x</script> 太慢", inbox.get(0).text());
        assertEquals(FeedbackStatus.OPEN, inbox.get(0).status());
        assertEquals(Stage.NEW, inbox.get(0).stage());
        assertEquals(NOW.minusSeconds(20), inbox.get(0).receivedAt());
    }

    @Test
    void stream_shareOpenedByNewKnownAndSelf_countedOnceAndNewcomerAttributed() throws Exception {
        Instant t = NOW.minusSeconds(300);
        events.write(List.of(new EventChunk("shop", "c_sh_known", "o-k", List.of(launch("k0", t.minusSeconds(60)))),
                new EventChunk("shop", "c_sh_a", "o-a", List.of(launch("a0", t), new TrackedEvent("a1", EventType.SHARE,
                        t.plusSeconds(1), Map.of("path", "pages/item?id=7&clm_s=sh-1", "shareId", "sh-1"))))), NOW);
        drain();
        EventChunk newcomer = new EventChunk("shop", "c_sh_b", "o-b", List.of(new TrackedEvent("b0", EventType.APP_LAUNCH,
                t.plusSeconds(10), Map.of("scene", 1007L, "query", Map.of("id", "7", "clm_s", "sh-1")))));
        events.write(List.of(newcomer,
                new EventChunk("shop", "c_sh_known", "o-k", List.of(new TrackedEvent("k1", EventType.APP_SHOW,
                        t.plusSeconds(20), Map.of("scene", 1007L, "query", "id=7&clm_s=sh-1")))),
                new EventChunk("shop", "c_sh_a", "o-a", List.of(new TrackedEvent("a2", EventType.APP_SHOW,
                        t.plusSeconds(30), Map.of("scene", 1007L, "query", "clm_s=sh-1"))))), NOW);
        drain();
        events.write(List.of(newcomer), NOW.plusSeconds(5)); // the newcomer's request retried
        drain();

        SharingStore sharing = new SharingStore(aws.client(), "AppsTable");
        SharingStatistics s = SharingStatistics.of(sharing.entries("shop", LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 1)).stream().filter(e -> e.sharerId().equals("c_sh_a")).toList());
        assertEquals(1, s.shares());
        assertEquals(2, s.opens(), "the newcomer's and the known customer's; not the sharer's own");
        assertEquals(1, s.newCustomers());
        assertEquals("c_sh_a", profiles.load("shop", "c_sh_b").orElseThrow().referredBy().sharerId());
        assertEquals(null, profiles.load("shop", "c_sh_known").orElseThrow().referredBy());
        assertEquals(1, sharing.referredCount("shop", "c_sh_a"));
    }
}
