package com.mplifecycle.functions.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.admin.AdminKeys;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.http.ApiRequest;
import com.mplifecycle.aws.http.ApiResponse;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.aws.store.LoyaltyStore;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.aws.store.SharingStore;
import com.mplifecycle.devtools.invoke.LambdaInvoker;
import com.mplifecycle.devtools.invoke.LocalContext;
import com.mplifecycle.devtools.sandbox.LocalAws;
import com.mplifecycle.devtools.streams.StreamEventSource;
import com.mplifecycle.devtools.streams.StreamSourceConfig;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.event.EventType;
import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.domain.lifecycle.ProfileFolder;
import com.mplifecycle.domain.loyalty.LoyaltyRules;
import com.mplifecycle.domain.loyalty.LoyaltySettings;
import com.mplifecycle.domain.loyalty.ReferralRules;
import com.mplifecycle.domain.profile.CustomerIds;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.Referral;
import com.mplifecycle.domain.sharing.ShareActivity;

/**
 * Referral rewards through the loyalty function against the template's tables in DynamoDB Local, its
 * stream consumer fed by the real events-table stream with every batch delivered twice. Who was acquired
 * by a share is decided by the sharing attribution (the profiles are folded and attributed as the
 * lifecycle consumer does): the referred customer's first server order rewards the sharer and the
 * customer once, a full refund takes both back once; a customer known before the open, the sharer
 * opening their own share and a self-referral earn nothing; a sharer erased since is not recreated.
 */
class ReferralRewardsIT {
    private static final Instant NOW = Instant.parse("2026-03-10T04:00:00Z");
    private static final String KEY = "test-signing-key-0123456789-abcdefghijklmnop";
    private static final String ADMIN = "admin-key-for-referral-it";
    private static final String APP = "shop";
    private static final String A = CustomerIds.of(APP, "ann");
    private static final String B = CustomerIds.of(APP, "bob");
    private static final String C = CustomerIds.of(APP, "cat");
    private static final String S = CustomerIds.of(APP, "sam");
    private static final String D = CustomerIds.of(APP, "dee");
    private static final String GONE = CustomerIds.of(APP, "gone");
    private static final String E = CustomerIds.of(APP, "eve");
    private static final String F = CustomerIds.of(APP, "fay");
    private static LocalAws aws;
    private static LoyaltyHandler handler;
    private static StreamEventSource stream;
    private static ProfileStore profiles;

    @BeforeAll
    static void start() {
        aws = LocalAws.start();
        Map<String, String> env = new HashMap<>(aws.environment("LoyaltyFunction"));
        env.put(FunctionEnv.LOCAL_SECRETS_JSON, "{\"tokenSigningKey\":\"" + KEY + "\"}");
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        handler = new LoyaltyHandler(new FunctionEnv(env, clock));
        new AdminKeys(aws.client(), "AppsTable", clock).register(APP, ADMIN);
        profiles = new ProfileStore(aws.client(), "ProfilesTable");
        attributeShares();
        LambdaInvoker invoker = LambdaInvoker.of(handler);
        String arn = aws.client().describeTable(b -> b.tableName("EventsTable")).table().latestStreamArn();
        stream = StreamEventSource.create(new StreamSourceConfig("EventsTable", arn, 25, 0, "TRIM_HORIZON", true,
                false, 10, -1, "LoyaltyFunction", "us-east-1"), aws.dynamo().streamsClient(), json -> {
                    // every batch twice: a redelivered order or refund must change nothing
                    invoke(invoker, json);
                    return invoke(invoker, json);
                });
        stream.start();
    }

    /**
     * A shares; B is first seen through A's share; C was known before opening it; A opens their own share
     * (all folded and attributed as the lifecycle consumer does); S's stored profile names S as referrer.
     */
    private static void attributeShares() {
        SharingStore sharing = new SharingStore(aws.client(), "AppsTable");
        ProfileFolder folder = new ProfileFolder(AppSettings.defaults(APP));
        Instant t = NOW.minus(Duration.ofDays(1));
        CustomerProfile a = fold(folder, sharing, CustomerProfile.empty(APP, A), "ann", List.of(
                new TrackedEvent("a-launch", EventType.APP_LAUNCH, t, Map.of("scene", 1001L)),
                new TrackedEvent("a-share", EventType.SHARE, t.plusSeconds(10), Map.of("path", "p", "shareId", "sh-a"))));
        CustomerProfile c = fold(folder, sharing, CustomerProfile.empty(APP, C), "cat", List.of(
                new TrackedEvent("c-launch", EventType.APP_LAUNCH, t, Map.of("scene", 1001L))));
        CustomerProfile b = fold(folder, sharing, CustomerProfile.empty(APP, B), "bob", List.of(open("b-open", t)));
        c = fold(folder, sharing, c, "cat", List.of(open("c-open", t.plusSeconds(120))));
        a = fold(folder, sharing, a, "ann", List.of(open("a-open", t.plusSeconds(180))));
        assertEquals(A, b.referredBy().sharerId(), "B was acquired through A's share");
        assertNull(c.referredBy(), "C was known before the open");
        assertNull(a.referredBy(), "an open of one's own share is no open");
        CustomerProfile s = folder.fold(CustomerProfile.empty(APP, S), "sam", List.of(
                new TrackedEvent("s-launch", EventType.APP_LAUNCH, t, Map.of("scene", 1001L)))).profile();
        profiles.save(s.toBuilder().referredBy(new Referral(S, "sh-s", t)).build());
        CustomerProfile d = folder.fold(CustomerProfile.empty(APP, D), "dee", List.of(
                new TrackedEvent("d-launch", EventType.APP_LAUNCH, t, Map.of("scene", 1007L)))).profile();
        profiles.save(d.toBuilder().referredBy(new Referral(GONE, "sh-gone", t)).build());
        profiles.save(folder.fold(CustomerProfile.empty(APP, F), "fay", List.of(
                new TrackedEvent("f-launch", EventType.APP_LAUNCH, t, Map.of("scene", 1001L)))).profile());
        CustomerProfile e = folder.fold(CustomerProfile.empty(APP, E), "eve", List.of(
                new TrackedEvent("e-launch", EventType.APP_LAUNCH, t, Map.of("scene", 1007L)))).profile();
        profiles.save(e.toBuilder().referredBy(new Referral(F, "sh-f", t)).build());
    }

    private static TrackedEvent open(String eventId, Instant at) {
        return new TrackedEvent(eventId, EventType.APP_LAUNCH, at, Map.of("scene", 1007L, "query", Map.of("clm_s", "sh-a")));
    }

    private static CustomerProfile fold(ProfileFolder folder, SharingStore sharing, CustomerProfile before,
                                        String openid, List<TrackedEvent> events) {
        ShareActivity activity = ShareActivity.of(before, events, id -> Optional.ofNullable(
                sharing.sharersOf(APP, Set.of(id)).get(id)));
        sharing.record(APP, activity, ZoneOffset.UTC);
        CustomerProfile after = activity.applyTo(folder.fold(before, openid, events).profile());
        profiles.save(after);
        return profiles.load(APP, before.customerId()).orElseThrow();
    }

    private static String invoke(LambdaInvoker invoker, String json) {
        return invoker.invoke(json, LocalContext.start("LoyaltyFunction", "us-east-1", 1024, Duration.ofSeconds(60)));
    }

    @AfterAll
    static void stop() {
        stream.close();
        aws.close();
    }

    private static ApiResponse call(String routeKey, Map<String, String> path, String body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json");
        headers.put("authorization", "Bearer " + ADMIN);
        return handler.handle(new ApiRequest("req", routeKey, routeKey.substring(0, routeKey.indexOf(' ')), headers,
                path, Map.of(), body, false));
    }

    private static void post(String route, String body) {
        ApiResponse r = call(route, Map.of("appId", APP), body);
        assertEquals(202, r.statusCode(), r.body());
        assertTrue(stream.awaitIdle(Duration.ofSeconds(30)));
    }

    private static void orders(String... orders) {
        post("POST /v1/apps/{appId}/orders", "{\"orders\":[" + String.join(",", orders) + "]}");
    }

    private static String order(String orderId, String openid, long fen) {
        return "{\"orderId\":\"" + orderId + "\",\"openid\":\"" + openid + "\",\"amountFen\":" + fen
                + ",\"paidAt\":" + NOW.minusSeconds(60).toEpochMilli() + "}";
    }

    private static void refund(String refundId, String orderId, long fen) {
        post("POST /v1/apps/{appId}/refunds", "{\"refunds\":[{\"refundId\":\"" + refundId + "\",\"orderId\":\""
                + orderId + "\",\"amountFen\":" + fen + ",\"refundedAt\":" + NOW.toEpochMilli() + "}]}");
    }

    private static JsonNode points(String customerId) {
        ApiResponse r = call("GET /v1/apps/{appId}/customers/{customerId}/points",
                Map.of("appId", APP, "customerId", customerId), null);
        assertEquals(200, r.statusCode(), r.body());
        return Json.read(r.body(), JsonNode.class);
    }

    /** The ledger's causes with their points, sorted. */
    private static List<String> ledger(String customerId) {
        List<String> out = new ArrayList<>();
        points(customerId).get("entries").forEach(e -> out.add(e.get("cause").asText() + " " + e.get("points").asLong()));
        return out.stream().sorted().toList();
    }

    @Test
    void firstServerOrderRewardsOnce_fullRefundTakesBackOnce_neverTheKnownNorTheSelfReferred() {
        orders(order("b-1", "bob", 10_000), order("c-1", "cat", 10_000), order("a-1", "ann", 2_000),
                order("s-1", "sam", 10_000));

        assertEquals(List.of("order:b-1 100", "referral:welcome 50"), ledger(B));
        assertEquals(List.of("order:a-1 20", "referral:" + B + " 100"), ledger(A),
                "A earns for B only: A's own order after opening A's own share earns nothing more");
        assertEquals(List.of("order:c-1 100"), ledger(C), "known before the open");
        assertEquals(List.of("order:s-1 100"), ledger(S), "a self-referral");
        orders(order("d-1", "dee", 10_000));
        assertEquals(List.of("order:d-1 100", "referral:welcome 50"), ledger(D));
        assertEquals(List.of(), ledger(GONE), "a sharer erased since (no profile) gets no account again");
        JsonNode welcome = null;
        for (JsonNode e : points(B).get("entries")) {
            welcome = e.get("cause").asText().equals("referral:welcome") ? e : welcome;
        }
        assertEquals("referral", welcome.get("kind").asText());
        assertEquals("b-1", welcome.get("ref").asText());
        assertTrue(welcome.get("note").asText().startsWith("welcome bonus"), welcome.toString());
        assertEquals(B, profiles.load(APP, A).orElseThrow().loyalty().referralRewardFor(),
                "the sharer's profile names the reward for the referral_rewarded trigger");

        // the same order resent, and a second order: nothing more
        orders(order("b-1", "bob", 10_000), order("b-2", "bob", 5_000));
        assertEquals(List.of("order:b-1 100", "order:b-2 50", "referral:welcome 50"), ledger(B));
        assertEquals(120, points(A).get("balance").asLong());

        // a partial refund keeps the rewards; the refund that completes it takes both back, once
        refund("rb-1", "b-1", 4_000);
        assertEquals(200 - 40, points(B).get("balance").asLong());
        assertEquals(120, points(A).get("balance").asLong());
        refund("rb-2", "b-1", 6_000);
        assertEquals(List.of("order:b-1 100", "order:b-2 50", "referral:welcome 50", "referral:welcome:refunded -50",
                "refund:rb-1 -40", "refund:rb-2 -60"), ledger(B));
        assertEquals(List.of("order:a-1 20", "referral:" + B + " 100", "referral:" + B + ":refunded -100"), ledger(A));
        assertEquals(20, points(A).get("balance").asLong());
        assertNull(profiles.load(APP, A).orElseThrow().loyalty().referralRewardFor(),
                "a reward taken back is no longer told");

        // the second order's full refund takes nothing more
        refund("rb-3", "b-2", 5_000);
        assertEquals(0, points(B).get("balance").asLong());
        assertEquals(20, points(A).get("balance").asLong());
    }

    @Test
    void aWriteCutShortBetweenTheWelcomeAndTheSharersReward_isCompletedByTheRedeliveredOrder() {
        // the welcome was committed with the order, then the function stopped before the sharer's reward
        ReferralRules rules = new ReferralRules(new LoyaltyRules(LoyaltySettings.DEFAULTS, ZoneOffset.UTC));
        Referral byF = profiles.load(APP, E).orElseThrow().referredBy();
        new Accounts(new LoyaltyStore(aws.client(), "LoyaltyTable")).apply(APP, E, a -> rules.orderPaid(a, byF, null,
                "e-1", NOW.minusSeconds(60), 10_000, NOW));
        assertEquals(List.of(), ledger(F));

        orders(order("e-1", "eve", 10_000)); // the order delivered again

        assertEquals(List.of("order:e-1 100", "referral:welcome 50"), ledger(E));
        assertEquals(List.of("referral:" + E + " 100"), ledger(F));
    }
}
