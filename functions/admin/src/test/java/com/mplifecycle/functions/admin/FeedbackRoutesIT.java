package com.mplifecycle.functions.admin;

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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.admin.AdminKeys;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.http.ApiRequest;
import com.mplifecycle.aws.http.ApiResponse;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.FeedbackStore;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.devtools.sandbox.LocalAws;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.event.EventType;
import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.domain.feedback.FeedbackItem;
import com.mplifecycle.domain.lifecycle.LifecycleThresholds;
import com.mplifecycle.domain.lifecycle.ProfileFolder;
import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.rfm.RfmRun;

/** The feedback inbox routes against the template's tables: listing, status changes, figures, erasure. */
class FeedbackRoutesIT {
    private static final Instant NOW = Instant.parse("2026-04-15T04:00:00Z");
    private static LocalAws aws;
    private static AdminHandler handler;
    private static FeedbackStore inbox;
    private static ProfileStore profiles;
    private static String key;

    @BeforeAll
    static void start() {
        aws = LocalAws.start();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        handler = new AdminHandler(new FunctionEnv(new HashMap<>(aws.environment("AdminFunction")), clock));
        key = new AdminKeys(aws.client(), "AppsTable", clock).create("shop");
        AppStore apps = new AppStore(aws.client(), "AppsTable", clock);
        apps.putSettings(new AppSettings("shop", ZoneOffset.UTC, LifecycleThresholds.DEFAULTS));
        apps.putRfmRun(new RfmRun("shop", NOW.minus(Duration.ofHours(1)), LocalDate.of(2026, 4, 15), 365, 4, 0, null,
                null, null, null, Map.of(), Map.of(Stage.NEW, 500L, Stage.DECLINING, 100L), null));
        inbox = new FeedbackStore(aws.client(), "AppsTable");
        profiles = new ProfileStore(aws.client(), "ProfilesTable");
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    private static FeedbackItem receive(String customerId, String eventId, String category, Instant at, Stage stage) {
        CustomerProfile p = new ProfileFolder(AppSettings.defaults("shop")).fold(CustomerProfile.empty("shop", customerId),
                "o-" + customerId, List.of(new TrackedEvent("l-" + eventId, EventType.APP_LAUNCH, at, Map.of("scene", 1001L))))
                .profile();
        if (profiles.load("shop", customerId).isEmpty()) {
            profiles.save(p);
        }
        FeedbackItem item = FeedbackItem.received(customerId, new TrackedEvent(eventId, EventType.FEEDBACK, at,
                Map.of("category", category, "text", "text of " + eventId)), stage).orElseThrow();
        assertEquals(1, inbox.receive("shop", List.of(item)));
        assertEquals(0, inbox.receive("shop", List.of(item)), "a redelivered feedback is stored once");
        return item;
    }

    private static JsonNode call(String route, Map<String, String> path, Map<String, String> query, String body,
                                 int expectedStatus) {
        Map<String, String> params = new HashMap<>(path);
        params.put("appId", "shop");
        ApiResponse r = handler.handle(new ApiRequest("r1", route, route.substring(0, route.indexOf(' ')),
                Map.of("authorization", "Bearer " + key), params, query, body, false));
        assertEquals(expectedStatus, r.statusCode(), r.body());
        return r.body() == null ? null : Json.read(r.body(), JsonNode.class);
    }

    private static JsonNode patch(String feedbackId, String body, int expectedStatus) {
        return call("PATCH /v1/apps/{appId}/feedback/{feedbackId}", Map.of("feedbackId", feedbackId), Map.of(), body,
                expectedStatus);
    }

    private static JsonNode list(Map<String, String> query) {
        return call("GET /v1/apps/{appId}/feedback", Map.of(), query, null, 200);
    }

    @Test
    void list_pagedNewestFirstAndFiltered() {
        Instant day = Instant.parse("2026-02-01T10:00:00Z");
        for (int i = 0; i < 5; i++) {
            receive("c_list", "list-" + i, i % 2 == 0 ? "bug" : "suggestion", day.plusSeconds(i * 60L), Stage.NEW);
        }
        Map<String, String> q = new HashMap<>(Map.of("from", "2026-02-01", "to", "2026-02-01", "limit", "2"));
        List<String> texts = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            if (cursor != null) {
                q.put("cursor", cursor);
            }
            JsonNode page = list(q);
            page.path("items").forEach(i -> texts.add(i.path("text").asText()));
            cursor = page.path("cursor").isNull() ? null : page.path("cursor").asText();
            pages++;
        } while (cursor != null);

        assertEquals(List.of("text of list-4", "text of list-3", "text of list-2", "text of list-1", "text of list-0"), texts);
        assertEquals(3, pages);
        JsonNode bugs = list(Map.of("from", "2026-02-01", "to", "2026-02-01", "category", "bug", "status", ""));
        assertEquals(3, bugs.path("items").size());
        assertEquals("open", bugs.path("items").get(0).path("status").asText());
        assertEquals(0, list(Map.of("from", "2026-02-02", "to", "2026-02-03")).path("items").size());
        call("GET /v1/apps/{appId}/feedback", Map.of(), Map.of("status", "closed"), null, 400);
    }

    @Test
    void list_cursorOutsideTheDays_pagesFromWhereItPoints() {
        Instant day = Instant.parse("2026-02-10T10:00:00Z");
        for (int i = 0; i < 3; i++) {
            receive("c_cursor", "cursor-" + i, "bug", day.plusSeconds(i * 60L), Stage.NEW);
        }
        String newest = list(Map.of("from", "2026-02-10", "to", "2026-02-10", "limit", "1")).path("cursor").asText();
        // the days changed, the cursor kept (a client narrowing its filter): after the cursor, within the days
        JsonNode later = list(Map.of("from", "2026-02-11", "to", "2026-02-12", "cursor", newest));
        assertEquals(0, later.path("items").size());
        JsonNode wider = list(Map.of("from", "2026-02-09", "to", "2026-02-10", "cursor", newest));
        assertEquals(2, wider.path("items").size());
        JsonNode earlier = list(Map.of("from", "2026-02-09", "to", "2026-02-09", "cursor", newest));
        assertEquals(0, earlier.path("items").size());
        JsonNode future = list(Map.of("from", "2026-02-10", "to", "2026-02-10",
                "cursor", "9999999999999-0000000000000000"));
        assertEquals(3, future.path("items").size(), "a cursor newer than the days: all of them");
    }

    @Test
    void patch_acknowledgeResolveNoBackStep_profileNoted() {
        FeedbackItem item = receive("c_patch", "patch-1", "complaint", NOW.minus(Duration.ofHours(30)), Stage.DECLINING);

        JsonNode ack = patch(item.feedbackId(), "{\"status\":\"acknowledged\",\"note\":\"on it\"}", 200);
        JsonNode done = patch(item.feedbackId(), "{\"status\":\"resolved\",\"note\":\"refunded\"}", 200);
        patch(item.feedbackId(), "{\"status\":\"open\"}", 400);
        patch(item.feedbackId(), "{\"status\":\"closed\"}", 400);
        patch("0000000000000-0000000000000000", "{\"status\":\"resolved\"}", 404);

        assertEquals("acknowledged", ack.path("status").asText());
        assertEquals("resolved", done.path("status").asText());
        assertEquals("refunded", done.path("note").asText());
        assertEquals(NOW.toString(), done.path("resolvedAt").asText());
        assertEquals(2, done.path("changes").size());
        assertEquals("acknowledged", done.path("changes").get(0).path("status").asText());
        assertEquals("resolved", inbox.get("shop", item.feedbackId()).orElseThrow().status().wireName());
        assertEquals(item.feedbackId(), profiles.load("shop", "c_patch").orElseThrow().lastResolvedFeedback().feedbackId());
    }

    @Test
    void stats_countsTimesAndRatesOverTheRange() {
        FeedbackItem quick = receive("c_s1", "s-1", "complaint", Instant.parse("2026-03-01T00:00:00Z"), Stage.DECLINING);
        receive("c_s2", "s-2", "complaint", Instant.parse("2026-03-02T00:00:00Z"), Stage.DECLINING);
        receive("c_s3", "s-3", "bug", Instant.parse("2026-03-02T00:00:00Z"), Stage.NEW);
        receive("c_s4", "s-4", "bug", Instant.parse("2026-02-01T00:00:00Z"), Stage.NEW); // outside the range
        FeedbackItem resolved = quick.change(com.mplifecycle.domain.feedback.FeedbackStatus.RESOLVED, null,
                quick.receivedAt().plus(Duration.ofHours(6)));
        assertTrue(inbox.update("shop", quick, resolved));

        JsonNode s = call("GET /v1/apps/{appId}/stats/feedback", Map.of(), Map.of("from", "2026-03-01", "to", "2026-03-31"),
                null, 200);

        assertEquals(3, s.path("total").asInt());
        assertEquals(2, s.path("byCategory").path("complaint").asInt());
        assertEquals(1, s.path("byStatus").path("resolved").asInt());
        assertEquals(6.0, s.path("complaints").path("medianHoursToResolve").asDouble());
        assertEquals(1, s.path("complaints").path("openOlderThan48h").asInt());
        JsonNode declining = s.path("byStage").get(Stage.DECLINING.ordinal());
        assertEquals(2, declining.path("feedback").asInt());
        assertEquals(20.0, declining.path("perThousandCustomers").asDouble());
    }

    @Test
    void erasure_removesTheCustomersFeedbackOnly() {
        FeedbackItem gone = receive("c_erase", "erase-1", "complaint", NOW.minus(Duration.ofDays(2)), Stage.NEW);
        FeedbackItem kept = receive("c_keep", "erase-2", "complaint", NOW.minus(Duration.ofDays(2)), Stage.NEW);

        call("DELETE /v1/apps/{appId}/customers/{customerId}", Map.of("customerId", "c_erase"), Map.of(), null, 204);

        assertTrue(inbox.get("shop", gone.feedbackId()).isEmpty());
        assertTrue(inbox.get("shop", kept.feedbackId()).isPresent());
    }
}
