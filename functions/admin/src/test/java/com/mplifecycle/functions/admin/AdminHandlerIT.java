package com.mplifecycle.functions.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.mplifecycle.aws.http.ApiRequest;
import com.mplifecycle.aws.http.ApiResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.admin.AdminKeys;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.devtools.sandbox.LocalAws;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.event.EventType;
import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.domain.lifecycle.ProfileFolder;
import com.mplifecycle.domain.churn.BgNbdModel;
import com.mplifecycle.domain.churn.BgNbdParameters;
import com.mplifecycle.domain.churn.RepeatSummary;
import com.mplifecycle.domain.profile.ChurnSnapshot;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.PurchaseHistory;
import com.mplifecycle.domain.loyalty.ClientOrders;
import com.mplifecycle.domain.rfm.RfmRun;
import com.mplifecycle.domain.rfm.RfmSegment;
import com.mplifecycle.domain.rfm.RfmStatistics;
import com.mplifecycle.domain.rfm.RfmWindow;

/** The admin API's access rules and the profile route against the template's tables. */
class AdminHandlerIT {
    private static final Instant NOW = Instant.parse("2026-03-10T04:00:00Z");
    /** 06:00 in Shanghai the day before NOW: c_1 ordered after it. */
    private static final Instant RAN_AT = NOW.minus(Duration.ofHours(30));
    /** The BG/NBD estimates of Fader, Hardie and Lee for CDNOW, weeks. */
    private static final BgNbdParameters MODEL = new BgNbdParameters(0.243, 4.414, 0.793, 2.426, -9582.4);
    private static final String ROUTE = "GET /v1/apps/{appId}/customers/{customerId}";
    private static CustomerProfile repeatBuyer;
    private static LocalAws aws;
    private static AdminHandler handler;
    private static String shopKey;
    private static String otherKey;

    @BeforeAll
    static void start() {
        aws = LocalAws.start();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        handler = new AdminHandler(new FunctionEnv(new HashMap<>(aws.environment("AdminFunction")), clock));
        AdminKeys keys = new AdminKeys(aws.client(), "AppsTable", clock);
        shopKey = keys.create("shop");
        otherKey = keys.create("other");
        CustomerProfile p = new ProfileFolder(AppSettings.defaults("shop")).fold(CustomerProfile.empty("shop", "c_1"),
                "o1", List.of(new TrackedEvent("e1", EventType.ORDER_PAID, NOW.minusSeconds(3600),
                        Map.of("orderId", "o-1", "amountFen", 2500L)))).profile();
        new ProfileStore(aws.client(), "ProfilesTable").save(p);
        repeatBuyer = new ProfileFolder(AppSettings.defaults("shop")).fold(CustomerProfile.empty("shop", "c_2"), "o2",
                List.of(paid("e2", NOW.minus(Duration.ofDays(40)), 3_000), paid("e3", NOW.minus(Duration.ofDays(20)), 4_000),
                        paid("e4", NOW.minus(Duration.ofDays(6)), 5_000))).profile();
        new ProfileStore(aws.client(), "ProfilesTable").save(repeatBuyer);
        storeLastRun(p, repeatBuyer);
    }

    private static TrackedEvent paid(String id, Instant at, long fen) {
        return new TrackedEvent(id, EventType.ORDER_PAID, at, Map.of("orderId", "o-" + id, "amountFen", fen));
    }

    /** A run record as the nightly run leaves it: yesterday's statistics over both buyers and a fitted model. */
    private static void storeLastRun(CustomerProfile... buyers) {
        ZoneId zone = AppSettings.defaults("shop").timeZone();
        RfmWindow window = RfmWindow.endingOn(LocalDate.ofInstant(RAN_AT, zone));
        RfmStatistics statistics = RfmStatistics.create(window);
        for (CustomerProfile b : buyers) {
            window.values(PurchaseHistory.rfmOrders(b, zone)).ifPresent(statistics::add);
        }
        new AppStore(aws.client(), "AppsTable", Clock.fixed(NOW, ZoneOffset.UTC)).putRfmRun(new RfmRun("shop", RAN_AT,
                window.asOf(), window.days(), 2, 1, null, null, null, MODEL, Map.of(), Map.of(), statistics.freeze()));
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    private static ApiResponse get(String appId, String customerId, String key) {
        Map<String, String> headers = new HashMap<>();
        if (key != null) {
            headers.put("authorization", "Bearer " + key);
        }
        return handler.handle(new ApiRequest(null, ROUTE, ROUTE.substring(0, ROUTE.indexOf(' ')), headers,
                Map.of("appId", appId, "customerId", customerId), null, null, false));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "no key,          none,  401",
        "unknown key,     wrong, 401",
        "other app's key, other, 403",
        "right key,       shop,  200",
    })
    void get_authMatrix(String name, String which, int status) {
        String key = switch (which) {
            case "shop" -> shopKey;
            case "other" -> otherKey;
            case "wrong" -> "mk_not-a-real-key-at-all-0000000";
            default -> null;
        };

        assertEquals(status, get("shop", "c_1", key).statusCode());
    }

    @Test
    void get_profile_hasTheDocumentedFields() {
        JsonNode body = Json.read(get("shop", "c_1", shopKey).body(), JsonNode.class);

        assertEquals("GROWING", body.get("stage").asText());
        assertEquals(1, body.get("orders").asInt());
        assertEquals(2500, body.get("revenueFen").asInt());
        assertEquals(1, body.get("activeDays30").asInt());
        for (String field : List.of("customerId", "appId", "stageSince", "firstSeenAt", "lastActiveAt", "lastOrderAt",
                "rfm", "churn", "credits", "checkInStreak", "lastPush")) {
            assertTrue(body.has(field), field);
        }
    }

    @Test
    void get_profile_rfmAndChurnFollowFromTheLastRunRecord() {
        JsonNode body = Json.read(get("shop", "c_2", shopKey).body(), JsonNode.class);

        JsonNode rfm = body.get("rfm");
        assertEquals(3, rfm.get("frequency").asInt());
        assertEquals(12_000, rfm.get("monetaryFen").asLong());
        assertEquals(6, rfm.get("recencyDays").asInt(), "recency as of today");
        assertEquals(RfmSegment.IMPORTANT_VALUE.name(), rfm.get("segment").asText());
        assertEquals(RAN_AT.toString(), rfm.get("computedAt").asText());
        // What the run stored on the profile before churn was derived on read: the model's values as of the run's day.
        RepeatSummary summary = PurchaseHistory.repeatSummary(PurchaseHistory.rfmOrders(repeatBuyer,
                AppSettings.defaults("shop").timeZone()), LocalDate.ofInstant(RAN_AT,
                AppSettings.defaults("shop").timeZone())).orElseThrow();
        BgNbdModel model = BgNbdModel.of(MODEL);
        ChurnSnapshot former = ChurnSnapshot.rounded(model.pAlive(summary), model.expectedPurchases(30 / 7.0, summary),
                RAN_AT);
        assertEquals(former.pAlive(), body.get("churn").get("pAlive").asDouble());
        assertEquals(former.expectedPurchases30d(), body.get("churn").get("expectedPurchases30d").asDouble());
        assertEquals(RAN_AT.toString(), body.get("churn").get("computedAt").asText());
    }

    @Test
    void get_profile_orderAfterTheRun_noScoresUntilTheNextRun() {
        JsonNode body = Json.read(get("shop", "c_1", shopKey).body(), JsonNode.class);

        assertTrue(body.get("rfm").isNull(), body.toString());
        assertTrue(body.get("churn").isNull(), body.toString());
    }

    @Test
    void get_unknownCustomerOrTraversal_404Or400() {
        assertEquals(404, get("shop", "c_nobody", shopKey).statusCode());
        assertEquals(400, get("shop", "..%2F..%2Fc_1", shopKey).statusCode());
        assertEquals(400, get("../shop", "c_1", shopKey).statusCode());
    }

    private static ApiResponse settings(String method, String body) {
        String route = method + " /v1/apps/{appId}/settings";
        return handler.handle(new ApiRequest(null, route, method, Map.of("authorization", "Bearer " + otherKey,
                "content-type", "application/json"), Map.of("appId", "other"), null, body, false));
    }

    /** The orders and loyalty sections through the settings route: set, kept by other changes, stored, refused with reasons. */
    @Test
    void putSettings_ordersAndLoyalty_partialChangesKeepTheRest_badValuesRefusedWithReasons() {
        ApiResponse put = settings("PUT", "{\"orders\":{\"clientOrders\":\"ignore\"},\"loyalty\":{\"pointsPerYuan\":2,"
                + "\"growthWindowDays\":90,\"levels\":[{\"name\":\"Member\",\"growth\":0},"
                + "{\"name\":\"VIP\",\"growth\":800,\"multiplier\":1.5}]}}");
        assertEquals(200, put.statusCode(), put.body());
        ApiResponse partial = settings("PUT", "{\"loyalty\":{\"makeUpCost\":35,\"referralWelcomePoints\":80}}");
        assertEquals(200, partial.statusCode(), partial.body());

        JsonNode got = Json.read(settings("GET", null).body(), JsonNode.class);
        assertEquals("ignore", got.get("orders").get("clientOrders").asText());
        JsonNode loyalty = got.get("loyalty");
        assertEquals(2, loyalty.get("pointsPerYuan").asInt());
        assertEquals(90, loyalty.get("growthWindowDays").asInt());
        assertEquals(35, loyalty.get("makeUpCost").asInt());
        assertEquals(10, loyalty.get("checkInPoints").asInt(), "a field never named keeps its default");
        assertEquals(100, loyalty.get("referralPoints").asInt(), "the referral reward's default");
        assertEquals(80, loyalty.get("referralWelcomePoints").asInt());
        assertEquals("VIP", loyalty.get("levels").get(1).get("name").asText());
        assertEquals(1.5, loyalty.get("levels").get(1).get("multiplier").asDouble());
        AppSettings stored = new AppStore(aws.client(), "AppsTable", Clock.fixed(NOW, ZoneOffset.UTC))
                .settings("other").orElseThrow();
        assertEquals(ClientOrders.IGNORE, stored.orderSettings().clientOrders(), "what the lifecycle fold reads");
        assertEquals(90, stored.loyaltySettings().growthWindowDays(), "what the loyalty function reads");
        assertEquals(80, stored.loyaltySettings().referralWelcomePoints());

        ApiResponse bad = settings("PUT", "{\"orders\":{\"clientOrders\":\"maybe\"},\"loyalty\":{\"makeUpCost\":-1,"
                + "\"levels\":[{\"name\":\"A\",\"growth\":0},{\"name\":\"A\",\"growth\":0,\"multiplier\":0.5}]}}");
        assertEquals(400, bad.statusCode(), bad.body());
        JsonNode errors = Json.read(bad.body(), JsonNode.class).get("fields");
        List<String> fields = new java.util.ArrayList<>();
        errors.forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(List.of("orders.clientOrders", "loyalty.makeUpCost", "loyalty.levels[1].multiplier",
                "loyalty.levels[1].name", "loyalty.levels[1].growth"), fields, bad.body());
        assertEquals(35, Json.read(settings("GET", null).body(), JsonNode.class).get("loyalty").get("makeUpCost")
                .asInt(), "nothing of a refused change is stored");
    }
}
