package com.mplifecycle.functions.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.mplifecycle.aws.http.ApiRequest;
import com.mplifecycle.aws.http.ApiResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.admin.AdminKeys;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.DynamoDbCampaignOutcomeCounts;
import com.mplifecycle.aws.store.FunnelStore;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.aws.store.StatisticsStore;
import com.mplifecycle.aws.store.TableKeys;
import com.mplifecycle.devtools.sandbox.LocalAws;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.event.EventType;
import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.domain.funnel.FunnelAdditions;
import com.mplifecycle.domain.lifecycle.LifecycleThresholds;
import com.mplifecycle.domain.lifecycle.ProfileFolder;
import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.rfm.RfmRun;
import com.mplifecycle.domain.rfm.RfmSegment;
import com.mplifecycle.domain.stats.CustomerStatistics;
import com.mplifecycle.domain.stats.RepurchaseTally;
import com.mplifecycle.domain.stats.RetentionTally;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Settings and statistics routes on a scenario with known numbers, and their access rules. */
class AdminStatisticsIT {
    private static final Instant NOW = Instant.parse("2026-04-15T04:00:00Z");
    private static final Instant RAN_AT = Instant.parse("2026-04-15T03:00:00Z");
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
        AppSettings utc = new AppSettings("shop", ZoneOffset.UTC, LifecycleThresholds.DEFAULTS);
        new AppStore(aws.client(), "AppsTable", clock).putRfmRun(new RfmRun("shop", RAN_AT, LocalDate.of(2026, 4, 15),
                365, 4, 3, 10.0, 1.3, 3000.0, null, Map.of(RfmSegment.values()[0], 2L),
                Map.of(Stage.NEW, 1L, Stage.GROWING, 2L, Stage.MATURE, 1L), null));
        storeCustomerStatistics(utc);
        storeFunnel(utc);
        aws.client().putItem(b -> b.tableName("AppsTable").item(Map.of(
                TableKeys.PK, AttributeValue.fromS("shop"),
                TableKeys.SK, AttributeValue.fromS(TableKeys.CAMPAIGN_OUTCOMES_SK_PREFIX + "winback"),
                "A|decided", AttributeValue.fromN("100"), "A|sent", AttributeValue.fromN("90"),
                "A|failed|43101", AttributeValue.fromN("5"), "A|skipped|quietHours", AttributeValue.fromN("5"),
                "A|conversions", AttributeValue.fromN("9"),
                DynamoDbCampaignOutcomeCounts.counter("holdout", "decided"), AttributeValue.fromN("20"),
                "holdout|conversions", AttributeValue.fromN("1"), "updatedAt", AttributeValue.fromN("1776222000000"))));
    }

    private static TrackedEvent event(String id, EventType type, String at, Map<String, Object> props) {
        return new TrackedEvent(id, type, Instant.parse(at), props);
    }

    private static TrackedEvent paid(String id, String at, long fen) {
        return event(id, EventType.ORDER_PAID, at, Map.of("orderId", "o-" + id, "amountFen", fen));
    }

    /**
     * Four customers, UTC. Cohort Mar 1: a (back Mar 2 = D1, Mar 8 = D7), b (back Mar 31 = D30),
     * c (back Mar 3 = day 2, counts for none). Cohort Mar 2: d (back Mar 3 = D1).
     * Orders: a twice in March (repeat buyer), b once in March, d once on Apr 2 (day 31, so no D30); c never.
     */
    private static void storeCustomerStatistics(AppSettings settings) {
        ProfileFolder folder = new ProfileFolder(settings);
        Map<String, List<TrackedEvent>> customers = Map.of(
                "a", List.of(paid("a1", "2026-03-01T10:00:00Z", 1000), event("a2", EventType.PAGE_VIEW,
                        "2026-03-02T10:00:00Z", Map.of("page", "home")), paid("a3", "2026-03-08T10:00:00Z", 2000)),
                "b", List.of(event("b1", EventType.APP_SHOW, "2026-03-01T09:00:00Z", Map.of("scene", 1001L)),
                        paid("b2", "2026-03-31T09:00:00Z", 500)),
                "c", List.of(event("c1", EventType.APP_SHOW, "2026-03-01T08:00:00Z", Map.of("scene", 1001L)),
                        event("c2", EventType.APP_SHOW, "2026-03-03T08:00:00Z", Map.of("scene", 1001L))),
                "d", List.of(event("d1", EventType.APP_SHOW, "2026-03-02T08:00:00Z", Map.of("scene", 1001L)),
                        event("d2", EventType.APP_SHOW, "2026-03-03T08:00:00Z", Map.of("scene", 1001L)),
                        paid("d3", "2026-04-02T08:00:00Z", 700)));
        RetentionTally retention = new RetentionTally(ZoneOffset.UTC, LocalDate.of(2026, 4, 15), 400);
        RepurchaseTally repurchase = new RepurchaseTally(ZoneOffset.UTC);
        customers.forEach((id, events) -> {
            CustomerProfile p = folder.fold(CustomerProfile.empty("shop", id), null, events).profile();
            retention.add(p);
            repurchase.add(p);
        });
        new StatisticsStore(aws.client(), "AppsTable").put(new CustomerStatistics("shop", RAN_AT,
                retention.cohorts(), repurchase.months()));
    }

    /**
     * Mar 5: x takes all five steps in order (and its events arrive twice); y launches, adds to
     * cart, then views a page (launch and page_view count, the cart came too early); v only
     * launches. Mar 6: x launches and views a page again; v launches, views, adds to cart; z only
     * views a page (no launch first: nothing). Mar 7: w launches, outside the asked range.
     */
    private static void storeFunnel(AppSettings settings) {
        List<TrackedEvent> x = List.of(event("x1", EventType.APP_LAUNCH, "2026-03-05T01:00:00Z", Map.of()),
                event("x2", EventType.PAGE_VIEW, "2026-03-05T01:01:00Z", Map.of()),
                event("x3", EventType.ADD_TO_CART, "2026-03-05T01:02:00Z", Map.of("sku", "s", "qty", 1L,
                        "priceFen", 100L)),
                event("x4", EventType.CHECKOUT_START, "2026-03-05T01:03:00Z", Map.of("orderId", "ox")),
                paid("x5", "2026-03-05T01:04:00Z", 100));
        foldAsTheStreamDoes(settings, "f_x", x);
        foldAsTheStreamDoes(settings, "f_x", x);
        foldAsTheStreamDoes(settings, "f_y", List.of(event("y1", EventType.APP_LAUNCH, "2026-03-05T02:00:00Z",
                Map.of()), event("y2", EventType.ADD_TO_CART, "2026-03-05T02:01:00Z",
                Map.of("sku", "s", "qty", 1L, "priceFen", 100L)),
                event("y3", EventType.PAGE_VIEW, "2026-03-05T02:02:00Z", Map.of())));
        foldAsTheStreamDoes(settings, "f_v", List.of(event("v1", EventType.APP_LAUNCH, "2026-03-05T03:00:00Z",
                Map.of())));
        foldAsTheStreamDoes(settings, "f_x", List.of(event("x6", EventType.APP_LAUNCH, "2026-03-06T01:00:00Z",
                Map.of()), event("x7", EventType.PAGE_VIEW, "2026-03-06T01:01:00Z", Map.of())));
        foldAsTheStreamDoes(settings, "f_v", List.of(event("v2", EventType.APP_LAUNCH, "2026-03-06T03:00:00Z",
                Map.of()), event("v3", EventType.PAGE_VIEW, "2026-03-06T03:01:00Z", Map.of())));
        foldAsTheStreamDoes(settings, "f_v", List.of(event("v4", EventType.ADD_TO_CART, "2026-03-06T03:02:00Z",
                Map.of("sku", "s", "qty", 1L, "priceFen", 100L))));
        foldAsTheStreamDoes(settings, "f_z", List.of(event("z1", EventType.PAGE_VIEW, "2026-03-06T02:00:00Z",
                Map.of())));
        foldAsTheStreamDoes(settings, "f_w", List.of(event("w1", EventType.APP_LAUNCH, "2026-03-07T02:00:00Z",
                Map.of())));
    }

    /** The stream function's write: the profile, then the funnel steps it newly recorded. */
    private static void foldAsTheStreamDoes(AppSettings settings, String customerId, List<TrackedEvent> events) {
        ProfileStore profiles = new ProfileStore(aws.client(), "ProfilesTable");
        CustomerProfile before = profiles.load("shop", customerId).orElse(CustomerProfile.empty("shop", customerId));
        ProfileFolder.Result result = new ProfileFolder(settings).fold(before, null, events);
        if (!result.profile().equals(before)) {
            profiles.save(result.profile()).orElseThrow();
            new FunnelStore(aws.client(), "AppsTable").add("shop",
                    FunnelAdditions.NONE.plus(customerId, result.funnelReached()));
        }
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    private static ApiResponse call(String routeKey, String appId, String key, Map<String, String> query,
                                                 String body) {
        Map<String, String> headers = new HashMap<>();
        if (key != null) {
            headers.put("authorization", "Bearer " + key);
        }
        Map<String, String> path = new HashMap<>(Map.of("appId", appId, "customerId", "c_1", "campaignId", "winback"));
        return handler.handle(new ApiRequest(null, routeKey, routeKey.substring(0, routeKey.indexOf(' ')), headers,
                path, query, body, false));
    }

    private static JsonNode get(String route, Map<String, String> query) {
        ApiResponse r = call("GET /v1/apps/{appId}/" + route, "shop", shopKey, query, null);
        assertEquals(200, r.statusCode(), r.body());
        return Json.read(r.body(), JsonNode.class);
    }

    static Stream<Arguments> newRoutes() {
        return Stream.of("DELETE /v1/apps/{appId}/customers/{customerId}", "GET /v1/apps/{appId}/settings",
                "PUT /v1/apps/{appId}/settings", "GET /v1/apps/{appId}/stats/stages",
                "GET /v1/apps/{appId}/stats/segments", "GET /v1/apps/{appId}/stats/retention",
                "GET /v1/apps/{appId}/stats/repurchase", "GET /v1/apps/{appId}/stats/funnel",
                "GET /v1/apps/{appId}/stats/campaigns/{campaignId}", "GET /v1/apps/{appId}/campaigns",
                "GET /v1/apps/{appId}/customers", "GET /v1/apps/{appId}/stats/stages/history").map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("newRoutes")
    void newRoutes_authMatrix(String route) {
        Map<String, String> query = Map.of("from", "2026-03-01", "to", "2026-03-02");

        assertEquals(401, call(route, "other", null, query, "{}").statusCode(), "no key");
        assertEquals(401, call(route, "other", "mk_not-a-real-key-at-all-0000000", query, "{}").statusCode(),
                "unknown key");
        assertEquals(403, call(route, "other", shopKey, query, "{}").statusCode(), "another app's key");
        int status = call(route, "other", otherKey, query, "{}").statusCode();
        assertTrue(status == 200 || status == 204 || status == 404, "right key: " + status);
    }

    @Test
    void stages_countsOfTheLastRun() {
        JsonNode body = get("stats/stages", null);

        assertEquals(1, body.get("stages").get("NEW").asInt());
        assertEquals(2, body.get("stages").get("GROWING").asInt());
        assertEquals(0, body.get("stages").get("CHURNED").asInt());
        assertEquals(RAN_AT.toString(), body.get("computedAt").get("at").asText());
        assertEquals("scheduledRun", body.get("computedAt").get("by").asText());
    }

    @Test
    void segments_countsOfTheLastRun() {
        JsonNode body = get("stats/segments", null);

        assertEquals(2, body.get("segments").get(RfmSegment.values()[0].name()).asInt());
        assertEquals(RfmSegment.values().length, body.get("segments").size());
    }

    @Test
    void retention_hasTheHandCountedCohorts() {
        JsonNode cohorts = get("stats/retention", Map.of("from", "2026-03-01", "to", "2026-03-03")).get("cohorts");

        assertEquals(3, cohorts.size());
        // Mar 1: a, b, c. D1: a (Mar 2). D7: a (Mar 8). D30: b (Mar 31). c came back on day 2 only.
        assertEquals("2026-03-01", cohorts.get(0).get("day").asText());
        assertEquals(List.of(3, 1, 1, 1), counts(cohorts.get(0)));
        // the triangle: a on days 1 and 7, c on day 2, b on day 30
        List<Integer> days = new java.util.ArrayList<>();
        cohorts.get(0).get("days").forEach(n -> days.add(n.asInt()));
        assertEquals(30, days.size());
        assertEquals(List.of(1, 1, 0, 0, 0, 0, 1), days.subList(0, 7));
        assertEquals(1, days.get(29));
        assertEquals(4, days.stream().mapToInt(Integer::intValue).sum());
        // Mar 2: d, back on Mar 3 (D1).
        assertEquals(List.of(1, 1, 0, 0), counts(cohorts.get(1)));
        // Mar 3: nobody was first seen.
        assertEquals(List.of(0, 0, 0, 0), counts(cohorts.get(2)));
    }

    private static List<Integer> counts(JsonNode row) {
        return List.of(row.get("cohort").asInt(), row.get("d1").asInt(), row.get("d7").asInt(), row.get("d30").asInt());
    }

    @Test
    void retention_badRange_400WithField() {
        ApiResponse r = call("GET /v1/apps/{appId}/stats/retention", "shop", shopKey,
                Map.of("from", "2026-03-05", "to", "2026-03-01"), null);

        assertEquals(400, r.statusCode());
        assertEquals("to", Json.read(r.body(), JsonNode.class).get("field").asText());
        assertEquals(400, call("GET /v1/apps/{appId}/stats/funnel", "shop", shopKey, Map.of("from", "2026-3-1",
                "to", "2026-03-02"), null).statusCode());
    }

    @Test
    void repurchase_overallAndByFirstOrderMonth() {
        JsonNode body = get("stats/repurchase", null);

        assertEquals(3, body.get("buyers").asInt());        // a, b, d
        assertEquals(1, body.get("repeatBuyers").asInt());  // a
        assertEquals(1.0 / 3, body.get("rate").asDouble(), 1e-9);
        JsonNode march = body.get("byFirstOrderMonth").get(0);
        assertEquals("2026-03", march.get("month").asText());
        assertEquals(List.of(2, 1), List.of(march.get("buyers").asInt(), march.get("repeatBuyers").asInt()));
        assertEquals(0.5, march.get("rate").asDouble(), 1e-9);
        assertEquals("2026-04", body.get("byFirstOrderMonth").get(1).get("month").asText());
    }

    @Test
    void funnel_distinctCustomersPerStepInOrder() {
        JsonNode body = get("stats/funnel", Map.of("from", "2026-03-05", "to", "2026-03-06"));

        // x, y, v launch and view (x and v on both days, counted once); x and v reach the cart; only x pays
        assertEquals(List.of(3, 3, 2, 1, 1), stepCounts(body.get("steps")));
        assertEquals("launch", body.get("steps").get(0).get("step").asText());
        assertEquals("distinctCustomers", body.get("counting").asText());
        assertEquals("2026-03-05", body.get("byDay").get(0).get("day").asText());
        assertEquals(List.of(3, 2, 1, 1, 1), stepCounts(body.get("byDay").get(0).get("steps")));
        assertEquals("2026-03-06", body.get("byDay").get(1).get("day").asText());
        assertEquals(List.of(2, 2, 1, 0, 0), stepCounts(body.get("byDay").get(1).get("steps")));
        assertEquals(2, body.get("byDay").size());
        assertEquals("stream", body.get("computedAt").get("by").asText());
    }

    @Test
    void funnel_oneDay_andErasedCustomerLeavesTheSets() {
        assertEquals(List.of(1, 0, 0, 0, 0), stepCounts(get("stats/funnel", Map.of("from", "2026-03-07", "to", "2026-03-07"))
                .get("steps")), "w launched on Mar 7");
        foldAsTheStreamDoes(new AppSettings("shop", ZoneOffset.UTC, LifecycleThresholds.DEFAULTS), "f_u", List.of(
                event("u1", EventType.APP_LAUNCH, "2026-03-08T01:00:00Z", Map.of()),
                event("u2", EventType.PAGE_VIEW, "2026-03-08T01:01:00Z", Map.of())));
        Map<String, String> mar8 = Map.of("from", "2026-03-08", "to", "2026-03-08");
        assertEquals(List.of(1, 1, 0, 0, 0), stepCounts(get("stats/funnel", mar8).get("steps")));

        new FunnelStore(aws.client(), "AppsTable").deleteCustomer("shop", "f_u", LocalDate.ofInstant(NOW, ZoneOffset.UTC));

        assertEquals(List.of(0, 0, 0, 0, 0), stepCounts(get("stats/funnel", mar8).get("steps")));
    }

    private static List<Integer> stepCounts(JsonNode steps) {
        List<Integer> out = new java.util.ArrayList<>();
        steps.forEach(s -> out.add(s.get("customers").asInt()));
        return out;
    }

    @Test
    void campaign_perVariantWithLiftOverHoldout() {
        JsonNode body = get("stats/campaigns/{campaignId}", null);

        JsonNode a = body.get("variants").get(0);
        assertEquals("A", a.get("variant").asText());
        assertEquals(5, a.get("failedByErrcode").get("43101").asInt());
        assertEquals(5, a.get("skippedByReason").get("quietHours").asInt());
        assertEquals(0.1, a.get("conversionRate").asDouble(), 1e-9);
        assertEquals(0.05, a.get("liftOverHoldout").asDouble(), 1e-9);
        // 9/90 against 1/20: Newcombe's interval spans 0, so not significant
        JsonNode interval = a.get("liftInterval");
        assertTrue(interval.get("low").asDouble() < 0 && interval.get("high").asDouble() > 0.05, interval.toString());
        assertEquals(false, interval.get("significant").asBoolean());
        assertEquals("newcombe-hybrid-score", interval.get("method").asText());
        JsonNode holdout = body.get("variants").get(1);
        assertTrue(holdout.get("holdout").asBoolean());
        assertTrue(holdout.get("liftOverHoldout").isNull());
        assertTrue(holdout.get("liftInterval").isNull());
        assertEquals("dispatch", body.get("computedAt").get("by").asText());
    }

    @Test
    void settings_getDefaultsPutOneFieldKeepsTheRest() {
        JsonNode before = get("settings", null);
        ApiResponse put = call("PUT /v1/apps/{appId}/settings", "shop", shopKey, null,
                "{\"timeZone\":\"Europe/Berlin\",\"lifecycle\":{\"newDays\":5},\"push\":{\"quietFrom\":\"21:30\"}}");

        assertEquals(200, put.statusCode(), put.body());
        JsonNode after = get("settings", null);
        assertEquals("Asia/Shanghai", before.get("timeZone").asText());
        assertEquals("Europe/Berlin", after.get("timeZone").asText());
        assertEquals(5, after.get("lifecycle").get("newDays").asInt());
        assertEquals(60, after.get("lifecycle").get("churnedInactiveDays").asInt());
        assertEquals("21:30", after.get("push").get("quietFrom").asText());
        assertEquals("08:00", after.get("push").get("quietUntil").asText());
        assertEquals(1, after.get("push").get("maxPerDay").asInt());
    }

    @Test
    void settings_severalInvalidFields_400ListsEachLikeACampaign() {
        ApiResponse r = call("PUT /v1/apps/{appId}/settings", "other", otherKey, null,
                "{\"timeZone\":\"Mars/Olympus\",\"push\":{\"maxPerDay\":0,\"quietFrom\":\"late\"}}");

        assertEquals(400, r.statusCode());
        JsonNode answer = Json.read(r.body(), JsonNode.class);
        assertEquals("invalid settings", answer.get("error").asText());
        List<String> fields = new java.util.ArrayList<>();
        answer.get("fields").forEach(f -> fields.add(f.get("field").asText()));
        assertEquals(List.of("timeZone", "push.maxPerDay", "push.quietFrom"), fields);
        assertEquals("Asia/Shanghai", Json.read(call("GET /v1/apps/{appId}/settings", "other", otherKey, null, null)
                .body(), JsonNode.class).get("timeZone").asText(), "nothing stored");
    }

    @Test
    void settings_invalidValues_400WithFieldAndReason() {
        Map<String, String> cases = Map.of(
                "{\"timeZone\":\"Mars/Olympus\"}", "timeZone",
                "{\"lifecycle\":{\"newDays\":0}}", "lifecycle.newDays",
                "{\"lifecycle\":{\"decliningInactiveDays\":90}}", "lifecycle",
                "{\"push\":{\"maxPerDay\":11}}", "push.maxPerDay",
                "{\"push\":{\"quietUntil\":\"8am\"}}", "push.quietUntil",
                "{\"colour\":\"red\"}", "colour");
        cases.forEach((body, field) -> {
            ApiResponse r = call("PUT /v1/apps/{appId}/settings", "other", otherKey, null, body);
            assertEquals(400, r.statusCode(), body);
            JsonNode answer = Json.read(r.body(), JsonNode.class).get("fields").get(0);
            assertEquals(field, answer.get("field").asText(), body);
            assertTrue(!answer.get("reason").asText().isEmpty(), body);
        });
    }
}
