package com.mplifecycle.functions.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.admin.AdminKeys;
import com.mplifecycle.aws.auth.SessionTokens;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.http.ApiRequest;
import com.mplifecycle.aws.http.ApiResponse;
import com.mplifecycle.aws.http.ConsoleCors;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.devtools.invoke.LambdaInvoker;
import com.mplifecycle.devtools.invoke.LocalContext;
import com.mplifecycle.devtools.sandbox.LocalAws;
import com.mplifecycle.devtools.streams.StreamEventSource;
import com.mplifecycle.devtools.streams.StreamSourceConfig;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.EventChunk;
import com.mplifecycle.aws.store.EventStore;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.domain.event.EventType;
import com.mplifecycle.domain.event.ServerOrders;
import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.domain.profile.CheckInStreak;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.Demographics;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.app.SettingsReader;
import com.mplifecycle.domain.profile.CustomerIds;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The loyalty function against the template's tables in DynamoDB Local, with its stream consumer fed
 * by the real events-table stream, every batch delivered twice: server orders and refunds earn and
 * take back once, check-ins and make-ups follow their rules, and concurrent redemptions never oversell
 * a reward nor spend points twice.
 */
class LoyaltyHandlerIT {
    private static final Instant NOW = Instant.parse("2026-03-10T04:00:00Z");
    private static final String KEY = "test-signing-key-0123456789-abcdefghijklmnop";
    private static final String ADMIN = "admin-key-for-loyalty-it";
    private static final String CONSOLE = "https://console.example.net";
    private static LocalAws aws;
    private static LoyaltyHandler handler;
    private static SessionTokens tokens;
    private static StreamEventSource stream;
    private static Map<String, String> env;

    @BeforeAll
    static void start() {
        aws = LocalAws.start();
        env = new HashMap<>(aws.environment("LoyaltyFunction"));
        env.put(FunctionEnv.LOCAL_SECRETS_JSON, "{\"tokenSigningKey\":\"" + KEY + "\"}");
        env.put(FunctionEnv.CONSOLE_ORIGIN, CONSOLE);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        handler = new LoyaltyHandler(new FunctionEnv(env, clock));
        tokens = new SessionTokens(KEY.getBytes(StandardCharsets.UTF_8), clock);
        new AdminKeys(aws.client(), "AppsTable", clock).register("shop", ADMIN);
        LambdaInvoker invoker = LambdaInvoker.of(handler);
        String arn = aws.client().describeTable(b -> b.tableName("EventsTable")).table().latestStreamArn();
        stream = StreamEventSource.create(new StreamSourceConfig("EventsTable", arn, 25, 0, "TRIM_HORIZON", true,
                false, 10, -1, "LoyaltyFunction", "us-east-1"), aws.dynamo().streamsClient(), json -> {
                    // every batch twice: a redelivered record must change nothing
                    invoke(invoker, json);
                    return invoke(invoker, json);
                });
        stream.start();
    }

    private static String invoke(LambdaInvoker invoker, String json) {
        return invoker.invoke(json, LocalContext.start("LoyaltyFunction", "us-east-1", 1024, Duration.ofSeconds(60)));
    }

    @AfterAll
    static void stop() {
        stream.close();
        aws.close();
    }

    static ApiResponse call(String routeKey, Map<String, String> path, String body, String bearer) {
        return call(routeKey, path, Map.of(), body, bearer);
    }

    static ApiResponse call(String routeKey, Map<String, String> path, Map<String, String> query, String body,
                            String bearer) {
        return call(routeKey, path, query, body, bearer, Map.of());
    }

    static ApiResponse call(String routeKey, Map<String, String> path, Map<String, String> query, String body,
                            String bearer, Map<String, String> extraHeaders) {
        Map<String, String> headers = new HashMap<>(extraHeaders);
        headers.put("content-type", "application/json");
        if (bearer != null) {
            headers.put("authorization", "Bearer " + bearer);
        }
        return handler.handle(new ApiRequest("req", routeKey, routeKey.substring(0, routeKey.indexOf(' ')), headers,
                path, query, body, false));
    }

    static JsonNode json(ApiResponse r) {
        return Json.read(r.body(), JsonNode.class);
    }

    private static ApiResponse postOrders(String body) {
        return call("POST /v1/apps/{appId}/orders", Map.of("appId", "shop"), body, ADMIN);
    }

    private static ApiResponse postRefunds(String body) {
        return call("POST /v1/apps/{appId}/refunds", Map.of("appId", "shop"), body, ADMIN);
    }

    private static JsonNode points(String customerId) {
        ApiResponse r = call("GET /v1/apps/{appId}/customers/{customerId}/points",
                Map.of("appId", "shop", "customerId", customerId), null, ADMIN);
        assertEquals(200, r.statusCode(), r.body());
        return json(r);
    }

    private static String order(String orderId, String openid, long fen) {
        return "{\"orderId\":\"" + orderId + "\",\"openid\":\"" + openid + "\",\"amountFen\":" + fen
                + ",\"paidAt\":" + NOW.minusSeconds(60).toEpochMilli() + "}";
    }

    private static void drain() {
        assertTrue(stream.awaitIdle(Duration.ofSeconds(30)));
    }

    private static String adjust(String customerId, long points, String requestId) {
        ApiResponse r = call("POST /v1/apps/{appId}/customers/{customerId}/points/adjustments",
                Map.of("appId", "shop", "customerId", customerId),
                "{\"points\":" + points + ",\"reason\":\"test\",\"requestId\":\"" + requestId + "\"}", ADMIN);
        assertTrue(r.statusCode() == 201 || r.statusCode() == 200, r.body());
        return r.body();
    }

    @Test
    void orders_validatedAndIdempotent_earnOnceDespiteRedelivery_refundsTakeTheirShare() {
        String cid = CustomerIds.of("shop", "alice");
        ApiResponse first = postOrders("{\"orders\":[" + order("a-1", "alice", 12_345) + ","
                + order("a-2", "alice", 5_000) + ",{\"orderId\":\"bad\",\"openid\":\"alice\",\"amountFen\":-5}]}");
        assertEquals(202, first.statusCode(), first.body());
        assertEquals(2, json(first).get("accepted").asInt());
        assertEquals("amountFen must be an integer of at least 0",
                json(first).get("rejected").get(0).get("reason").asText());

        assertEquals(2, json(postOrders("{\"orders\":[" + order("a-1", "alice", 12_345) + ","
                + order("a-2", "alice", 5_000) + "]}")).get("accepted").asInt(), "a resent order is accepted again");
        ApiResponse changed = postOrders("{\"orders\":[" + order("a-1", "alice", 99) + "]}");
        assertEquals(400, changed.statusCode());
        assertTrue(json(changed).get("rejected").get(0).get("reason").asText().contains("already recorded"));
        drain();
        JsonNode account = points(cid);
        assertEquals(123 + 50, account.get("balance").asLong());
        assertEquals(2, account.get("entries").size());

        ApiResponse refunds = postRefunds("{\"refunds\":["
                + "{\"refundId\":\"r-1\",\"orderId\":\"a-2\",\"amountFen\":2500,\"refundedAt\":" + NOW.toEpochMilli() + "},"
                + "{\"refundId\":\"r-2\",\"orderId\":\"nope\",\"amountFen\":100,\"refundedAt\":" + NOW.toEpochMilli() + "},"
                + "{\"refundId\":\"r-3\",\"orderId\":\"a-2\",\"amountFen\":2501,\"refundedAt\":" + NOW.toEpochMilli() + "}]}");
        assertEquals(202, refunds.statusCode(), refunds.body());
        assertEquals(1, json(refunds).get("accepted").asInt());
        assertTrue(json(refunds).get("rejected").get(0).get("reason").asText().startsWith("unknown orderId"));
        assertTrue(json(refunds).get("rejected").get(1).get("reason").asText().contains("exceed"));
        drain();
        assertEquals(123 + 25, points(cid).get("balance").asLong());
    }

    @Test
    void checkIns_todayOnce_makeUpNeedsPoints_neverFuture() {
        String cid = CustomerIds.of("shop", "carol");
        String token = tokens.issue("shop", cid, "carol");
        ApiResponse today = call("POST /v1/me/check-ins", Map.of(), "{}", token);
        assertEquals(200, today.statusCode(), today.body());
        assertEquals(10, json(today).get("points").asInt());
        assertEquals(1, json(today).get("streak").asInt());
        assertEquals(409, call("POST /v1/me/check-ins", Map.of(), "{}", token).statusCode());
        assertEquals(409, call("POST /v1/me/check-ins", Map.of(), "{\"date\":\"2026-03-09\",\"makeUp\":true}", token)
                .statusCode(), "10 points do not pay for a make-up of 20");
        assertEquals(400, call("POST /v1/me/check-ins", Map.of(), "{\"date\":\"2026-03-11\",\"makeUp\":true}", token)
                .statusCode());
        adjust(cid, 50, "gift-carol");

        ApiResponse madeUp = call("POST /v1/me/check-ins", Map.of(), "{\"date\":\"2026-03-09\",\"makeUp\":true}", token);
        assertEquals(200, madeUp.statusCode(), madeUp.body());
        assertEquals(2, json(madeUp).get("streak").asInt());
        assertEquals(10 + 50 - 20, json(madeUp).get("balance").asLong());
        drain();
        JsonNode me = json(call("GET /v1/me", Map.of(), null, token));
        assertEquals(40, me.get("points").get("balance").asLong(), "the check-in event on the stream earned nothing more");
        assertEquals(2, me.get("checkIn").get("streak").asInt());
        assertEquals("普通", me.get("level").get("name").asText());
        assertEquals("银卡", me.get("level").get("next").get("name").asText());
    }

    @Test
    void twoConcurrentRedemptionsOfTheLastItem_oneWins_andPointsAreNeverSpentTwice() throws Exception {
        assertEquals(200, call("PUT /v1/apps/{appId}/rewards/{rewardId}", Map.of("appId", "shop", "rewardId", "mug"),
                "{\"name\":\"Mug\",\"costPoints\":50,\"stock\":1}", ADMIN).statusCode());
        String dan = CustomerIds.of("shop", "dan");
        String eve = CustomerIds.of("shop", "eve");
        adjust(dan, 100, "seed-dan");
        adjust(eve, 100, "seed-eve");
        List<ApiResponse> answers = race(
                () -> call("POST /v1/me/redemptions", Map.of(), "{\"rewardId\":\"mug\",\"requestId\":\"d1\"}",
                        tokens.issue("shop", dan, "dan")),
                () -> call("POST /v1/me/redemptions", Map.of(), "{\"rewardId\":\"mug\",\"requestId\":\"e1\"}",
                        tokens.issue("shop", eve, "eve")));
        assertEquals(List.of(201, 409), answers.stream().map(ApiResponse::statusCode).sorted().toList());
        assertEquals(0, json(call("GET /v1/apps/{appId}/rewards/{rewardId}", Map.of("appId", "shop", "rewardId", "mug"),
                null, ADMIN)).get("stock").asInt());
        assertEquals(150, points(dan).get("balance").asLong() + points(eve).get("balance").asLong());

        // one customer, two requests at once, points for one: never spent twice
        call("PUT /v1/apps/{appId}/rewards/{rewardId}", Map.of("appId", "shop", "rewardId", "cap"),
                "{\"name\":\"Cap\",\"costPoints\":60,\"stock\":10}", ADMIN);
        String fay = CustomerIds.of("shop", "fay");
        adjust(fay, 100, "seed-fay");
        String token = tokens.issue("shop", fay, "fay");
        List<ApiResponse> same = race(
                () -> call("POST /v1/me/redemptions", Map.of(), "{\"rewardId\":\"cap\",\"requestId\":\"f1\"}", token),
                () -> call("POST /v1/me/redemptions", Map.of(), "{\"rewardId\":\"cap\",\"requestId\":\"f2\"}", token));
        assertEquals(List.of(201, 409), same.stream().map(ApiResponse::statusCode).sorted().toList());
        assertEquals(40, points(fay).get("balance").asLong());
        assertEquals(9, json(call("GET /v1/apps/{appId}/rewards/{rewardId}", Map.of("appId", "shop", "rewardId", "cap"),
                null, ADMIN)).get("stock").asInt());
        String winner = same.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow().body();
        String id = Json.read(winner, JsonNode.class).get("redemptionId").asText();
        ApiResponse retry = call("POST /v1/me/redemptions", Map.of(),
                "{\"rewardId\":\"cap\",\"requestId\":\"" + id + "\"}", token);
        assertEquals(201, retry.statusCode());
        assertEquals(winner, retry.body(), "a retried requestId answers the same redemption");
        assertEquals(40, points(fay).get("balance").asLong());
    }

    @Test
    void routes_needTheRightCredentials() {
        assertEquals(401, call("POST /v1/apps/{appId}/orders", Map.of("appId", "shop"), "{}", "wrong").statusCode());
        assertEquals(401, call("GET /v1/me", Map.of(), null, ADMIN).statusCode());
        assertEquals(400, postOrders("{\"orders\":[]}").statusCode());
    }

    @Test
    void cors_theConsolesOriginOnTheAdminRoutesOnly() {
        Map<String, String> fromConsole = Map.of("origin", CONSOLE);
        ApiResponse rewards = call("GET /v1/apps/{appId}/rewards", Map.of("appId", "shop"), Map.of(), null, ADMIN,
                fromConsole);
        assertEquals(200, rewards.statusCode(), rewards.body());
        assertEquals(CONSOLE, rewards.headers().get("access-control-allow-origin"));
        ApiResponse refused = call("POST /v1/apps/{appId}/customers/{customerId}/points/adjustments",
                Map.of("appId", "shop", "customerId", CustomerIds.of("shop", "gus")), Map.of(), "{}", "wrong", fromConsole);
        assertEquals(401, refused.statusCode());
        assertEquals(CONSOLE, refused.headers().get("access-control-allow-origin"), "the console can read why");
        ApiResponse invalid = call("POST /v1/apps/{appId}/customers/{customerId}/points/adjustments",
                Map.of("appId", "shop", "customerId", CustomerIds.of("shop", "gus")), Map.of(), "{\"points\":0}", ADMIN,
                fromConsole);
        assertEquals(400, invalid.statusCode());
        assertEquals(CONSOLE, invalid.headers().get("access-control-allow-origin"));

        ApiResponse elsewhere = call("GET /v1/apps/{appId}/rewards", Map.of("appId", "shop"), Map.of(), null, ADMIN,
                Map.of("origin", "https://evil.example"));
        assertEquals(null, elsewhere.headers().get("access-control-allow-origin"));
        String token = tokens.issue("shop", CustomerIds.of("shop", "gus"), "gus");
        ApiResponse me = call("GET /v1/me", Map.of(), Map.of(), null, token, fromConsole);
        assertEquals(200, me.statusCode(), me.body());
        assertEquals(null, me.headers().get("access-control-allow-origin"), "the customers' routes are not the console's");

        ApiResponse preflight = handler.handle(new ApiRequest("req", ConsoleCors.PREFLIGHT_ROUTE, "OPTIONS",
                Map.of("origin", CONSOLE, "access-control-request-method", "POST"),
                Map.of("appId", "shop", "proxy+", "rewards/mug"), Map.of(), null, false));
        assertEquals(204, preflight.statusCode());
        assertEquals(CONSOLE, preflight.headers().get("access-control-allow-origin"));
        assertTrue(preflight.headers().get("access-control-allow-methods").contains("DELETE"));
    }

    /**
     * A {@code check_in} event's ts and date are the client's word: it earns for the day ingest received it
     * only, so a backdated one earns neither the check-in (a past day is a paid make-up) nor the birthday
     * bonus of that day.
     */
    @Test
    void checkInEvent_earnsOnlyOnTheDayItWasReceived_backdatedEarnsNothing() {
        String cid = CustomerIds.of("shop", "hal");
        ProfileStore profiles = new ProfileStore(aws.client(), "ProfilesTable");
        profiles.save(CustomerProfile.empty("shop", cid).toBuilder().openid("hal").demographics(new Demographics(
                "03-07", null, null, null, NOW.minus(Duration.ofDays(9)))).build());
        EventStore events = new EventStore(aws.client(), "EventsTable", Duration.ofDays(400));
        events.write(List.of(new EventChunk("shop", cid, "hal", List.of(new TrackedEvent("h-1", EventType.CHECK_IN,
                NOW.minus(Duration.ofDays(3)), Map.of("date", "2026-03-07"))))), NOW);
        drain();
        assertEquals(0, points(cid).get("entries").size(), "a backdated check-in earns nothing, nor a birthday");

        events.write(List.of(new EventChunk("shop", cid, "hal", List.of(new TrackedEvent("h-2", EventType.CHECK_IN,
                NOW, Map.of("date", "2026-03-10"))))), NOW);
        drain();
        JsonNode account = points(cid);
        assertEquals(10, account.get("balance").asLong());
        assertEquals("checkin:2026-03-10", account.get("entries").get(0).get("cause").asText());
    }

    /**
     * An adjustment is recorded once by requestId (a retry answers the first entry; the same id for another
     * amount is refused), and erasure (the admin function's loyalty step) removes the ledger, the
     * redemptions and the check-ins.
     */
    @Test
    void adjustments_onceByRequestId_erasureRemovesLedgerRedemptionsAndCheckIns() {
        String cid = CustomerIds.of("shop", "jim");
        String path = "POST /v1/apps/{appId}/customers/{customerId}/points/adjustments";
        Map<String, String> at = Map.of("appId", "shop", "customerId", cid);
        ApiResponse first = call(path, at, "{\"points\":100,\"reason\":\"goodwill\",\"requestId\":\"j-1\"}", ADMIN);
        assertEquals(201, first.statusCode(), first.body());
        ApiResponse retry = call(path, at, "{\"points\":100,\"reason\":\"goodwill\",\"requestId\":\"j-1\"}", ADMIN);
        assertEquals(200, retry.statusCode());
        assertEquals(first.body(), retry.body(), "a retry answers the first entry");
        ApiResponse other = call(path, at, "{\"points\":-5,\"reason\":\"typo\",\"requestId\":\"j-1\"}", ADMIN);
        assertEquals(409, other.statusCode(), other.body());
        assertEquals(100, points(cid).get("balance").asLong());

        String token = tokens.issue("shop", cid, "jim");
        assertEquals(200, call("POST /v1/me/check-ins", Map.of(), "{}", token).statusCode());
        call("PUT /v1/apps/{appId}/rewards/{rewardId}", Map.of("appId", "shop", "rewardId", "pen"),
                "{\"name\":\"Pen\",\"costPoints\":30,\"stock\":5}", ADMIN);
        assertEquals(201, call("POST /v1/me/redemptions", Map.of(), "{\"rewardId\":\"pen\",\"requestId\":\"j-r\"}",
                token).statusCode());
        assertEquals(3, points(cid).get("entries").size());

        // as the admin function erases: the profile's tombstone first, then each store's data
        new ProfileStore(aws.client(), "ProfilesTable").erase("shop", cid, NOW, Duration.ofDays(30));
        new com.mplifecycle.aws.store.LoyaltyStore(aws.client(), "LoyaltyTable").deleteCustomer("shop", cid);
        drain();
        JsonNode erased = points(cid);
        assertEquals(0, erased.get("entries").size(), "ledger and redemption gone");
        assertEquals(0, erased.get("balance").asLong());
        assertEquals(0, erased.get("checkIn").get("streak").asInt(), "check-ins gone");
        assertEquals(false, erased.get("checkIn").get("today").asBoolean());
    }

    /**
     * The app's loyalty figures come from counters the ledger's transactions keep: every stream batch is
     * delivered twice and an adjustment retried, yet each cause counts once; an erasure keeps the aggregates
     * and takes only the erased customer's unspent points off "expiring" and the customer off its level.
     */
    @Test
    void loyaltyStats_countEachCauseOnce_erasureKeepsTheAggregates() {
        String app = "figures";
        new AdminKeys(aws.client(), "AppsTable", Clock.fixed(NOW, ZoneOffset.UTC)).register(app, ADMIN + "-figures");
        String key = ADMIN + "-figures";
        ProfileStore profiles = new ProfileStore(aws.client(), "ProfilesTable");
        String bob = CustomerIds.of(app, "bob");
        String eve = CustomerIds.of(app, "eve");
        profiles.save(CustomerProfile.empty(app, bob).toBuilder().openid("bob").build());
        profiles.save(CustomerProfile.empty(app, eve).toBuilder().openid("eve").build());
        String paidAt = Long.toString(NOW.minusSeconds(60).toEpochMilli());
        ApiResponse orders = call("POST /v1/apps/{appId}/orders", Map.of("appId", app), "{\"orders\":["
                + "{\"orderId\":\"f-1\",\"openid\":\"bob\",\"amountFen\":10000,\"paidAt\":" + paidAt + "},"
                + "{\"orderId\":\"f-2\",\"openid\":\"eve\",\"amountFen\":5000,\"paidAt\":" + paidAt + "}]}", key);
        assertEquals(202, orders.statusCode(), orders.body());
        drain();
        Map<String, String> evePath = Map.of("appId", app, "customerId", eve);
        String adjustment = "{\"points\":20,\"reason\":\"goodwill\",\"requestId\":\"f-adj\"}";
        assertEquals(201, call("POST /v1/apps/{appId}/customers/{customerId}/points/adjustments", evePath, adjustment,
                key).statusCode());
        assertEquals(200, call("POST /v1/apps/{appId}/customers/{customerId}/points/adjustments", evePath, adjustment,
                key).statusCode(), "a retried adjustment");
        call("PUT /v1/apps/{appId}/rewards/{rewardId}", Map.of("appId", app, "rewardId", "mug"),
                "{\"name\":\"Mug\",\"costPoints\":30,\"stock\":5}", key);
        String token = tokens.issue(app, bob, "bob");
        assertEquals(201, call("POST /v1/me/redemptions", Map.of(), "{\"rewardId\":\"mug\",\"requestId\":\"f-r\"}",
                token).statusCode());
        assertEquals(201, call("POST /v1/me/redemptions", Map.of(), "{\"rewardId\":\"mug\",\"requestId\":\"f-r\"}",
                token).statusCode(), "a retried redemption answers the first");

        JsonNode stats = loyaltyStats(app, key, "2026-03-01", "2026-03-31", "366");
        assertEquals(100 + 50 + 20, stats.get("issued").asLong(), stats.toString());
        assertEquals(30, stats.get("spent").asLong());
        assertEquals(0, stats.get("expired").asLong());
        assertEquals(1, stats.get("redeemed").asLong());
        assertEquals(140, stats.get("expiringSoon").asLong(), "every unspent point expires 2027-03-10");
        assertEquals(1, stats.get("days").size());
        assertEquals("2026-03-10", stats.get("days").get(0).get("date").asText());
        assertEquals(170, stats.get("days").get(0).get("issued").asLong());
        assertEquals("普通", stats.get("customersByLevel").get(0).get("level").asText());
        assertEquals(2, stats.get("customersByLevel").get(0).get("customers").asLong());
        assertEquals(5, stats.get("customersByLevel").size());
        assertEquals(0, loyaltyStats(app, key, "2026-03-01", "2026-03-31", null).get("expiringSoon").asLong(),
                "nothing due within the app's 7 days' notice");
        assertEquals(0, loyaltyStats(app, key, "2026-03-11", "2026-03-31", "7").get("issued").asLong());
        // the expiry counters are kept per expiry month (at most 31 days an item, under 1 KB): a transactional
        // update costs 2 write units per KB of the whole item, and one item for a year of days would be ~7 KB
        List<Map<String, AttributeValue>> expiring = aws.client().query(b -> b.tableName("LoyaltyTable")
                .keyConditionExpression("pk = :pk AND begins_with(sk, :p)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(app),
                        ":p", AttributeValue.fromS("stats#expiring#")))).items();
        assertFalse(expiring.isEmpty());
        for (Map<String, AttributeValue> item : expiring) {
            assertTrue(item.get("sk").s().matches("stats#expiring#2027-03#0[0-7]"), item.get("sk").s());
        }

        // as the admin function erases: the profile's tombstone first, then each store's data
        profiles.erase(app, bob, NOW, Duration.ofDays(30));
        new com.mplifecycle.aws.store.LoyaltyStore(aws.client(), "LoyaltyTable").deleteCustomer(app, bob);
        JsonNode after = loyaltyStats(app, key, "2026-03-01", "2026-03-31", "366");
        assertEquals(170, after.get("issued").asLong(), "aggregates are kept");
        assertEquals(30, after.get("spent").asLong());
        assertEquals(1, after.get("redeemed").asLong());
        assertEquals(70, after.get("expiringSoon").asLong(), "bob's 70 unspent points will never expire now");
        assertEquals(1, after.get("customersByLevel").get(0).get("customers").asLong());

        ApiResponse bad = call("GET /v1/apps/{appId}/stats/loyalty", Map.of("appId", app),
                Map.of("from", "2026-03-31", "to", "2026-03-01"), null, key);
        assertEquals(400, bad.statusCode());
        assertEquals(401, call("GET /v1/apps/{appId}/stats/loyalty", Map.of("appId", app),
                Map.of("from", "2026-03-01", "to", "2026-03-31"), null, null).statusCode());
    }

    private static JsonNode loyaltyStats(String app, String key, String from, String to, String days) {
        Map<String, String> query = new HashMap<>(Map.of("from", from, "to", to));
        if (days != null) {
            query.put("days", days);
        }
        ApiResponse r = call("GET /v1/apps/{appId}/stats/loyalty", Map.of("appId", app), query, null, key);
        assertEquals(200, r.statusCode(), r.body());
        return json(r);
    }

    /** A make-up restores the streak in the profile too, which campaigns ({@code streak_at_risk}) read. */
    @Test
    void makeUp_restoresTheProfilesStreak() {
        String cid = CustomerIds.of("shop", "kim");
        ProfileStore profiles = new ProfileStore(aws.client(), "ProfilesTable");
        profiles.save(CustomerProfile.empty("shop", cid).toBuilder().openid("kim")
                .stage(com.mplifecycle.domain.lifecycle.Stage.NEW, NOW.minus(Duration.ofDays(5))).build());
        String token = tokens.issue("shop", cid, "kim");
        adjust(cid, 100, "seed-kim");
        assertEquals(200, call("POST /v1/me/check-ins", Map.of(), "{\"date\":\"2026-03-08\",\"makeUp\":true}", token)
                .statusCode());
        assertEquals(200, call("POST /v1/me/check-ins", Map.of(), "{}", token).statusCode());
        // as the lifecycle fold of today's check-in event leaves it (this test runs no fold): a streak of one
        CustomerProfile folded = profiles.load("shop", cid).orElseThrow();
        profiles.save(folded.toBuilder().checkIn(new CheckInStreak(java.time.LocalDate.of(2026, 3, 10), 1)).build());

        ApiResponse madeUp = call("POST /v1/me/check-ins", Map.of(), "{\"date\":\"2026-03-09\",\"makeUp\":true}", token);
        assertEquals(3, json(madeUp).get("streak").asInt(), madeUp.body());
        assertEquals(new CheckInStreak(java.time.LocalDate.of(2026, 3, 10), 3),
                profiles.load("shop", cid).orElseThrow().checkIn(), "the 8th and 9th made up, the 10th checked in");
    }

    /**
     * Erasure: a stream record the events table received before it (late, or redelivered) must not bring
     * the erased ledger back; what arrives after it is a new start.
     */
    @Test
    void erasedCustomer_recordsReceivedBeforeTheErasure_earnNothing() {
        String cid = CustomerIds.of("shop", "ivy");
        new ProfileStore(aws.client(), "ProfilesTable").erase("shop", cid, NOW.minusSeconds(1_800), Duration.ofDays(30));
        EventStore events = new EventStore(aws.client(), "EventsTable", Duration.ofDays(400));
        events.write(List.of(new EventChunk("shop", cid, "ivy", List.of(new ServerOrders.Order("i-1", cid, "ivy",
                10_000, NOW.minusSeconds(7_200)).event()))), NOW.minusSeconds(3_600));
        drain();
        assertEquals(0, points(cid).get("entries").size(), "received before the erasure");

        events.write(List.of(new EventChunk("shop", cid, "ivy", List.of(new ServerOrders.Order("i-2", cid, "ivy",
                20_000, NOW.minusSeconds(60)).event()))), NOW);
        drain();
        assertEquals(200, points(cid).get("balance").asLong());
    }

    /**
     * An app's own settings as {@code PUT /v1/apps/{appId}/settings} stores them: a 30-day growth window and
     * a ×2 level. Growth counts only the window's orders alike in the live upgrade, {@code GET /v1/me} and
     * the daily downgrade; a check-in earns at the level's multiplier.
     */
    @Test
    void storedSettings_growthWindowEverywhere_checkInAtTheLevelsMultiplier() throws Exception {
        AppSettings club = ((SettingsReader.Valid) SettingsReader.read(AppSettings.defaults("club"), Map.of("loyalty",
                Map.of("growthWindowDays", 30, "levels", List.of(Map.of("name", "Member", "growth", 0),
                        Map.of("name", "VIP", "growth", 500, "multiplier", 2)))))).settings();
        new AppStore(aws.client(), "AppsTable", Clock.fixed(NOW, ZoneOffset.UTC)).putSettings(club);
        new AdminKeys(aws.client(), "AppsTable", Clock.fixed(NOW, ZoneOffset.UTC)).register("club", "club-admin-key-it");
        String cid = CustomerIds.of("club", "gus");
        String token = tokens.issue("club", cid, "gus");
        long old = NOW.minus(Duration.ofDays(31)).toEpochMilli();
        assertEquals(202, call("POST /v1/apps/{appId}/orders", Map.of("appId", "club"), "{\"orders\":["
                + "{\"orderId\":\"g-old\",\"openid\":\"gus\",\"amountFen\":60000,\"paidAt\":" + old + "},"
                + order("g-1", "gus", 10_000) + "]}", "club-admin-key-it").statusCode());
        drain();
        JsonNode level = json(call("GET /v1/me", Map.of(), null, token)).get("level");
        assertEquals("Member", level.get("name").asText(), "the order of 31 days ago lifts nothing");
        assertEquals(100, level.get("growth").asLong());

        call("POST /v1/apps/{appId}/orders", Map.of("appId", "club"), "{\"orders\":[" + order("g-2", "gus", 40_000)
                + "]}", "club-admin-key-it");
        drain();
        assertEquals("VIP", json(call("GET /v1/me", Map.of(), null, token)).get("level").get("name").asText());
        ApiResponse checkIn = call("POST /v1/me/check-ins", Map.of(), "{}", token);
        assertEquals(20, json(checkIn).get("points").asInt(), "10 × 2 at VIP: " + checkIn.body());

        // 30 days on, the daily run: both orders left the window, so VIP is lost (one level at a time)
        Clock later = Clock.fixed(NOW.plus(Duration.ofDays(30)), ZoneOffset.UTC);
        LoyaltyHandler next = new LoyaltyHandler(new FunctionEnv(env, later));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        next.handleRequest(new java.io.ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), out, null);
        Map<String, String> headers = Map.of("authorization", "Bearer club-admin-key-it");
        ApiResponse points = next.handle(new ApiRequest("req", "GET /v1/apps/{appId}/customers/{customerId}/points", "GET",
                headers, Map.of("appId", "club", "customerId", cid), Map.of(), null, false));
        JsonNode after = json(points).get("level");
        assertEquals("Member", after.get("name").asText());
        assertEquals(0, after.get("growth").asLong());
    }

    @SafeVarargs
    private static List<ApiResponse> race(Callable<ApiResponse>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            List<Future<ApiResponse>> futures = new ArrayList<>();
            for (Callable<ApiResponse> c : calls) {
                futures.add(pool.submit(c));
            }
            List<ApiResponse> out = new ArrayList<>();
            for (Future<ApiResponse> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
