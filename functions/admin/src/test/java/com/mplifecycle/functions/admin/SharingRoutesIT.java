package com.mplifecycle.functions.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.aws.store.SharingStore;
import com.mplifecycle.devtools.sandbox.LocalAws;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.event.EventType;
import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.domain.lifecycle.LifecycleThresholds;
import com.mplifecycle.domain.lifecycle.ProfileFolder;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.sharing.ShareActivity;

/** The sharing figures, the profile's referral fields and erasure of sharing records, against the template's tables. */
class SharingRoutesIT {
    private static final Instant T = Instant.parse("2026-04-10T04:00:00Z");
    private static LocalAws aws;
    private static AdminHandler handler;
    private static String key;

    @BeforeAll
    static void start() {
        aws = LocalAws.start();
        Clock clock = Clock.fixed(T.plusSeconds(3600), ZoneOffset.UTC);
        handler = new AdminHandler(new FunctionEnv(new HashMap<>(aws.environment("AdminFunction")), clock));
        key = new AdminKeys(aws.client(), "AppsTable", clock).create("shop");
        new AppStore(aws.client(), "AppsTable", clock).putSettings(new AppSettings("shop", ZoneOffset.UTC,
                LifecycleThresholds.DEFAULTS));
        SharingStore sharing = new SharingStore(aws.client(), "AppsTable");
        ProfileStore profiles = new ProfileStore(aws.client(), "ProfilesTable");
        ProfileFolder folder = new ProfileFolder(AppSettings.defaults("shop"));
        TrackedEvent share = new TrackedEvent("a1", EventType.SHARE, T, Map.of("path", "p", "shareId", "sh-a"));
        CustomerProfile a = folder.fold(CustomerProfile.empty("shop", "c_a"), "o-a", List.of(share)).profile();
        profiles.save(a);
        sharing.record("shop", ShareActivity.of(CustomerProfile.empty("shop", "c_a"), List.of(share), id -> java.util.Optional.empty()),
                ZoneOffset.UTC);
        for (String b : List.of("c_b", "c_b2")) {
            TrackedEvent open = new TrackedEvent(b + "-l", EventType.APP_LAUNCH, T.plusSeconds(60),
                    Map.of("scene", 1007L, "query", Map.of("clm_s", "sh-a")));
            ShareActivity opened = ShareActivity.of(CustomerProfile.empty("shop", b), List.of(open),
                    id -> java.util.Optional.ofNullable(sharing.sharersOf("shop", java.util.Set.of(id)).get(id)));
            sharing.record("shop", opened, ZoneOffset.UTC);
            sharing.record("shop", opened, ZoneOffset.UTC); // redelivered
            profiles.save(opened.applyTo(folder.fold(CustomerProfile.empty("shop", b), "o-" + b, List.of(open)).profile()));
        }
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    private static JsonNode call(String route, Map<String, String> path, Map<String, String> query, int status) {
        Map<String, String> params = new HashMap<>(path);
        params.put("appId", "shop");
        ApiResponse r = handler.handle(new ApiRequest("r1", route, route.substring(0, route.indexOf(' ')),
                Map.of("authorization", "Bearer " + key), params, query, null, false));
        assertEquals(status, r.statusCode(), r.body());
        return r.body() == null ? null : Json.read(r.body(), JsonNode.class);
    }

    private static JsonNode stats() {
        return call("GET /v1/apps/{appId}/stats/sharing", Map.of(), Map.of("from", "2026-04-10", "to", "2026-04-10"), 200);
    }

    private static JsonNode customer(String id) {
        return call("GET /v1/apps/{appId}/customers/{customerId}", Map.of("customerId", id), Map.of(), 200);
    }

    @Test
    void statsProfileAndErasure() {
        JsonNode s = stats();
        assertEquals(1, s.path("sharers").asInt());
        assertEquals(1, s.path("shares").asInt());
        assertEquals(2, s.path("opens").asInt());
        assertEquals(2, s.path("newCustomers").asInt());
        assertEquals(2.0, s.path("opensPerShare").asDouble());
        assertEquals("c_a", s.path("topSharers").get(0).path("customerId").asText());
        assertEquals("c_a", customer("c_b").path("referredBy").path("customerId").asText());
        assertEquals(2, customer("c_a").path("referredCustomers").asInt());
        assertEquals(0, customer("c_b").path("referredCustomers").asInt());
        assertEquals(LocalDate.of(2026, 4, 10).toString(), s.path("from").asText());

        call("DELETE /v1/apps/{appId}/customers/{customerId}", Map.of("customerId", "c_b"), Map.of(), 204);

        JsonNode after = stats();
        assertEquals(1, after.path("opens").asInt());
        assertEquals(1, after.path("newCustomers").asInt());
        assertEquals(1, customer("c_a").path("referredCustomers").asInt());
    }
}
