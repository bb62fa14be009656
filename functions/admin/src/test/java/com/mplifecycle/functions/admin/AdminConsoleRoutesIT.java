package com.mplifecycle.functions.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.admin.AdminKeys;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.http.ApiRequest;
import com.mplifecycle.aws.http.ApiResponse;
import com.mplifecycle.aws.http.ConsoleCors;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.aws.json.PlainJson;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.devtools.sandbox.LocalAws;
import com.mplifecycle.domain.campaign.DefaultCampaigns;
import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.LoyaltyStatus;
import com.mplifecycle.domain.rfm.RfmRun;

/** The routes the console reads: campaign list, customer lists (stage index, scan, CSV), stage history. */
class AdminConsoleRoutesIT {
    private static final Instant NOW = Instant.parse("2026-04-15T04:00:00Z");
    private static final String CONSOLE = "https://console.example.net";
    private static LocalAws aws;
    private static AdminHandler handler;
    private static String shopKey;
    private static final Set<String> NEW_ONES = Set.of("n1", "n2", "n3", "n4", "n5");
    private static final Set<String> ALL = Set.of("n1", "n2", "n3", "n4", "n5", "m1", "m2");

    private static com.mplifecycle.devtools.events.LocalEventBus bus;
    private static com.mplifecycle.devtools.events.EventBridgeEndpoint busEndpoint;

    @BeforeAll
    static void start() throws Exception {
        aws = LocalAws.start();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        // campaign changes publish CampaignChanged (dispatch's due index backfill)
        bus = new com.mplifecycle.devtools.events.LocalEventBus(clock);
        bus.registerBus(aws.names().valueOf("LifecycleBus"));
        busEndpoint = com.mplifecycle.devtools.events.EventBridgeEndpoint.start(bus);
        aws.endpoint("EVENTBRIDGE", busEndpoint.uri());
        Map<String, String> env = new HashMap<>(aws.environment("AdminFunction"));
        env.put(FunctionEnv.CONSOLE_ORIGIN, CONSOLE);
        handler = new AdminHandler(new FunctionEnv(env, clock));
        shopKey = new AdminKeys(aws.client(), "AppsTable", clock).create("shop");
        ProfileStore profiles = new ProfileStore(aws.client(), "ProfilesTable");
        for (String id : NEW_ONES) {
            profiles.save(profile("shop", id, Stage.NEW, LEVELS.get(id))).orElseThrow();
        }
        profiles.save(profile("shop", "m1", Stage.MATURE, LEVELS.get("m1"))).orElseThrow();
        profiles.save(profile("shop", "m2", Stage.MATURE, null)).orElseThrow();
        profiles.save(profile("other", "n9", Stage.NEW, "银卡")).orElseThrow();
        profiles.save(profile("shop", "gone", Stage.NEW, "银卡")).orElseThrow();
        profiles.erase("shop", "gone", NOW, Duration.ofDays(30));
        // a customer who moved on: written NEW and 银卡, then GROWING and 金卡 (the indexes must follow)
        CustomerProfile moved = profiles.save(profile("shop", "m2x", Stage.NEW, "银卡")).orElseThrow();
        profiles.save(moved.toBuilder().stage(Stage.GROWING, NOW).loyalty(status("金卡")).build()).orElseThrow();
        AppStore apps = new AppStore(aws.client(), "AppsTable", clock);
        for (int day = 1; day <= 3; day++) {
            apps.putRfmRun(new RfmRun("shop", Instant.parse("2026-04-1" + day + "T19:00:00Z"), LocalDate.of(2026, 4, 10 + day),
                    365, 10, 0, null, null, null, null, Map.of(), Map.of(Stage.NEW, 10L - day, Stage.MATURE, (long) day), null));
        }
    }

    /** The loyalty levels the profiles hold (the default levels 普通, 银卡, 金卡, …); the rest hold none yet. */
    private static final Map<String, String> LEVELS = Map.of("n1", "银卡", "n2", "银卡", "n3", "普通", "m1", "金卡");

    private static CustomerProfile profile(String app, String id, Stage stage, String level) {
        return CustomerProfile.empty(app, id).toBuilder().stage(stage, NOW.minus(Duration.ofDays(3)))
                .firstSeenAt(NOW.minus(Duration.ofDays(9))).lastActiveAt(NOW.minus(Duration.ofDays(1)))
                .loyalty(level == null ? null : status(level)).build();
    }

    private static LoyaltyStatus status(String level) {
        return new LoyaltyStatus(level, NOW.minus(Duration.ofDays(2)), null, 0, null, null, 0);
    }

    @AfterAll
    static void stop() {
        busEndpoint.close();
        bus.close();
        aws.close();
    }

    private static ApiResponse call(String routeKey, Map<String, String> query, Map<String, String> extraHeaders,
                                    Map<String, String> path, String body) {
        Map<String, String> headers = new HashMap<>(extraHeaders);
        headers.put("authorization", "Bearer " + shopKey);
        Map<String, String> params = new HashMap<>(path);
        params.put("appId", "shop");
        return handler.handle(new ApiRequest(null, routeKey, routeKey.substring(0, routeKey.indexOf(' ')), headers,
                params, query, body, false));
    }

    private static JsonNode customers(Map<String, String> query) {
        ApiResponse r = call("GET /v1/apps/{appId}/customers", query, Map.of(), Map.of(), null);
        assertEquals(200, r.statusCode(), r.body());
        return Json.read(r.body(), JsonNode.class);
    }

    /** Every id of a listing, page by page; the pages' sizes go to {@code sizes}. */
    private static List<String> allPages(Map<String, String> query, List<Integer> sizes) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, String> q = new HashMap<>(query);
            if (cursor != null) {
                q.put("cursor", cursor);
            }
            JsonNode page = customers(q);
            page.get("customers").forEach(c -> ids.add(c.get("customerId").asText()));
            sizes.add(page.get("customers").size());
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null && sizes.size() < 20);
        return ids;
    }

    @Test
    void customersByStage_pagesThroughTheIndex_onlyThatAppAndStage() {
        List<Integer> sizes = new ArrayList<>();
        List<String> ids = allPages(Map.of("stage", "NEW", "limit", "2"), sizes);

        assertEquals(NEW_ONES, new HashSet<>(ids), "no other app, no erased customer, not the one who moved on");
        assertEquals(5, ids.size(), "each once");
        assertTrue(sizes.get(0) == 2 && sizes.size() >= 3, "pages of 2: " + sizes);
        assertEquals(List.of("m2x"), allPages(Map.of("stage", "GROWING"), new ArrayList<>()));
        JsonNode first = customers(Map.of("stage", "MATURE")).get("customers").get(0);
        assertEquals("MATURE", first.get("stage").asText());
        assertEquals(NOW.minus(Duration.ofDays(9)).toString(), first.get("firstSeenAt").asText());
    }

    @Test
    void customersByLevel_pagesThroughTheLevelIndex_onlyThatAppAndLevel() {
        List<Integer> sizes = new ArrayList<>();
        List<String> silver = allPages(Map.of("level", "银卡", "limit", "1"), sizes);

        assertEquals(Set.of("n1", "n2"), new HashSet<>(silver), "no other app, no erased one, not the one who moved up");
        assertEquals(2, silver.size(), "each once");
        assertTrue(sizes.size() >= 2, "pages of 1: " + sizes);
        assertEquals(Set.of("m1", "m2x"), new HashSet<>(allPages(Map.of("level", "金卡"), new ArrayList<>())));
        assertEquals(List.of(), allPages(Map.of("level", "钻石"), new ArrayList<>()));
        JsonNode first = customers(Map.of("level", "金卡")).get("customers").get(0);
        assertEquals("金卡", first.get("level").asText());
    }

    @Test
    void customersByLowestLevel_alsoThoseWithoutAPointsAccount_acrossPages() {
        for (String limit : List.of("1", "2", "50")) {
            List<String> ids = allPages(Map.of("level", "普通", "limit", limit), new ArrayList<>());

            assertEquals(Set.of("n3", "n4", "n5", "m2"), new HashSet<>(ids), "limit " + limit);
            assertEquals(4, ids.size(), "each once, limit " + limit);
        }
        customers(Map.of("level", "普通")).get("customers")
                .forEach(c -> assertEquals("普通", c.get("level").asText(), c.toString()));
        customers(Map.of("stage", "MATURE")).get("customers").forEach(c -> assertEquals(
                c.get("customerId").asText().equals("m2") ? "普通" : "金卡", c.get("level").asText(), "no level yet reads as the lowest"));
    }

    @Test
    void customersByLevelCsv_theLevelColumn() {
        ApiResponse r = call("GET /v1/apps/{appId}/customers", Map.of("level", "银卡"), Map.of("accept", "text/csv"),
                Map.of(), null);

        assertEquals(200, r.statusCode(), r.body());
        String[] lines = r.body().split("\r\n");
        assertEquals(3, lines.length, r.body());
        assertTrue(lines[1].matches("n[12],NEW,,2026-04-06T04:00:00Z,2026-04-14T04:00:00Z,0,0,银卡"), lines[1]);
        assertFalse(r.headers().containsKey("x-next-cursor"));
    }

    @Test
    void customersWithoutFilter_scanPagesThroughTheApp() {
        List<Integer> sizes = new ArrayList<>();
        List<String> ids = allPages(Map.of("limit", "3"), sizes);

        Set<String> expected = new HashSet<>(ALL);
        expected.add("m2x");
        assertEquals(expected, new HashSet<>(ids));
        assertEquals(expected.size(), ids.size());
        assertEquals(3, sizes.get(0));
    }

    @Test
    void customersBySegment_withoutAScoredRun_nobody() {
        assertEquals(0, customers(Map.of("segment", "IMPORTANT_VALUE")).get("customers").size());
    }

    @Test
    void customersCsv_headerRowsAndNextCursor() {
        ApiResponse r = call("GET /v1/apps/{appId}/customers", Map.of("stage", "NEW", "limit", "4"),
                Map.of("accept", "text/csv"), Map.of(), null);

        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().get("content-type").startsWith("text/csv"));
        String[] lines = r.body().split("\r\n");
        assertEquals(CustomerList.CSV_HEADER, lines[0]);
        assertEquals(5, lines.length, r.body());
        assertTrue(lines[1].matches("n[1-5],NEW,,2026-04-06T04:00:00Z,2026-04-14T04:00:00Z,0,0,(普通|银卡)"), lines[1]);
        String cursor = r.headers().get("x-next-cursor");
        ApiResponse rest = call("GET /v1/apps/{appId}/customers", Map.of("stage", "NEW", "cursor", cursor),
                Map.of("accept", "text/csv"), Map.of(), null);
        assertEquals(2, rest.body().split("\r\n").length, rest.body());
        assertFalse(rest.headers().containsKey("x-next-cursor"));
    }

    @Test
    void customers_badQuery_400WithField() {
        String stageCursor = customers(Map.of("stage", "NEW", "limit", "1")).get("nextCursor").asText();
        Map<Map<String, String>, String> cases = Map.of(
                Map.of("stage", "ASLEEP"), "stage",
                Map.of("segment", "WHALES"), "segment",
                Map.of("stage", "NEW", "segment", "IMPORTANT_VALUE"), "stage",
                Map.of("level", "gold"), "level",

                Map.of("limit", "0"), "limit",
                Map.of("limit", "1001"), "limit",
                Map.of("cursor", "not-a-cursor"), "cursor",
                Map.of("stage", "MATURE", "cursor", stageCursor), "cursor",
                Map.of("cursor", stageCursor), "cursor");
        String levelCursor = customers(Map.of("level", "银卡", "limit", "1")).get("nextCursor").asText();
        cases = new HashMap<>(cases);
        cases.put(Map.of("level", "银卡", "stage", "NEW"), "stage");
        cases.put(Map.of("level", "银卡", "cursor", stageCursor), "cursor");
        cases.put(Map.of("level", "金卡", "cursor", levelCursor), "cursor");
        cases.put(Map.of("stage", "NEW", "cursor", levelCursor), "cursor");
        cases.forEach((query, field) -> {
            ApiResponse r = call("GET /v1/apps/{appId}/customers", query, Map.of(), Map.of(), null);
            assertEquals(400, r.statusCode(), query + " " + r.body());
            assertEquals(field, Json.read(r.body(), JsonNode.class).get("field").asText(), query.toString());
        });
    }

    @Test
    void campaigns_listsWhatWasPut() {
        Map<String, Map<String, Object>> defaults = DefaultCampaigns.json();
        List<String> ids = new ArrayList<>(defaults.keySet()).subList(0, 2);
        for (String id : ids) {
            ApiResponse put = call("PUT /v1/apps/{appId}/campaigns/{campaignId}", Map.of(), Map.of(),
                    Map.of("campaignId", id), PlainJson.write(defaults.get(id)));
            assertEquals(200, put.statusCode(), put.body());
        }

        ApiResponse r = call("GET /v1/apps/{appId}/campaigns", Map.of(), Map.of(), Map.of(), null);

        assertEquals(200, r.statusCode(), r.body());
        JsonNode list = Json.read(r.body(), JsonNode.class).get("campaigns");
        Set<String> listed = new HashSet<>();
        list.forEach(c -> listed.add(c.get("id").asText()));
        assertTrue(listed.containsAll(ids), listed.toString());
        list.forEach(c -> assertEquals(defaults.get(c.get("id").asText()).get("name"), c.get("name").asText()));
    }

    @Test
    void installDefaults_addsTheMissingKeepsTheExisting() {
        Map<String, Object> edited = new HashMap<>(DefaultCampaigns.json().get("birthday"));
        edited.put("name", "edited birthday");
        assertEquals(200, call("PUT /v1/apps/{appId}/campaigns/{campaignId}", Map.of(), Map.of(),
                Map.of("campaignId", "birthday"), PlainJson.write(edited)).statusCode());

        ApiResponse r = call("POST /v1/apps/{appId}/campaigns/defaults", Map.of(), Map.of(), Map.of(), null);

        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = Json.read(r.body(), JsonNode.class);
        assertTrue(body.get("kept").toString().contains("birthday"));
        JsonNode list = Json.read(call("GET /v1/apps/{appId}/campaigns", Map.of(), Map.of(), Map.of(), null).body(),
                JsonNode.class).get("campaigns");
        assertEquals(DefaultCampaigns.json().size(), list.size());
        list.forEach(c -> {
            if (c.get("id").asText().equals("birthday")) {
                assertEquals("edited birthday", c.get("name").asText());
            }
        });
    }

    @Test
    void cors_theConsolesOriginOnly_preflightWithoutKey() {
        ApiRequest preflight = new ApiRequest(null, ConsoleCors.PREFLIGHT_ROUTE, "OPTIONS",
                Map.of("origin", CONSOLE, "access-control-request-method", "PUT"), Map.of("appId", "shop", "proxy+", "settings"),
                Map.of(), null, false);
        ApiResponse allowed = handler.handle(preflight);
        assertEquals(204, allowed.statusCode());
        assertEquals(CONSOLE, allowed.headers().get("access-control-allow-origin"));
        assertTrue(allowed.headers().get("access-control-allow-headers").contains("authorization"));

        ApiResponse other = handler.handle(new ApiRequest(null, ConsoleCors.PREFLIGHT_ROUTE, "OPTIONS",
                Map.of("origin", "https://evil.example"), Map.of("appId", "shop"), Map.of(), null, false));
        assertEquals(204, other.statusCode());
        assertFalse(other.headers().containsKey("access-control-allow-origin"));

        ApiResponse list = call("GET /v1/apps/{appId}/customers", Map.of("stage", "NEW"), Map.of("origin", CONSOLE), Map.of(), null);
        assertEquals(CONSOLE, list.headers().get("access-control-allow-origin"));
        assertTrue(list.headers().get("access-control-expose-headers").contains("x-next-cursor"));
        ApiResponse elsewhere = call("GET /v1/apps/{appId}/customers", Map.of(), Map.of("origin", "https://evil.example"), Map.of(), null);
        assertFalse(elsewhere.headers().containsKey("access-control-allow-origin"));
    }

    @Test
    void stageHistory_theDaysTheRunsCounted() {
        ApiResponse r = call("GET /v1/apps/{appId}/stats/stages/history", Map.of("from", "2026-04-12", "to", "2026-04-20"),
                Map.of(), Map.of(), null);

        assertEquals(200, r.statusCode(), r.body());
        JsonNode days = Json.read(r.body(), JsonNode.class).get("days");
        assertEquals(2, days.size(), "Apr 12 and 13; Apr 11 is outside the range");
        assertEquals("2026-04-12", days.get(0).get("day").asText());
        assertEquals(8, days.get(0).get("stages").get("NEW").asInt());
        assertEquals(2, days.get(0).get("stages").get("MATURE").asInt());
        assertEquals(0, days.get(0).get("stages").get("CHURNED").asInt());
        assertEquals("2026-04-13", days.get(1).get("day").asText());
        assertEquals(3, days.get(1).get("stages").get("MATURE").asInt());
        assertEquals(400, call("GET /v1/apps/{appId}/stats/stages/history", Map.of("from", "2026-04-12"),
                Map.of(), Map.of(), null).statusCode());
    }
}
