package com.mplifecycle.functions.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.admin.AdminKeys;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.devtools.sandbox.LocalAws;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.event.EventType;
import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.domain.lifecycle.ProfileFolder;
import com.mplifecycle.domain.profile.CustomerProfile;

/** The admin API's access rules and the profile route against the template's tables. */
class AdminHandlerIT {
    private static final Instant NOW = Instant.parse("2026-03-10T04:00:00Z");
    private static final String ROUTE = "GET /v1/apps/{appId}/customers/{customerId}";
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
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    private static APIGatewayV2HTTPResponse get(String appId, String customerId, String key) {
        Map<String, String> headers = new HashMap<>();
        if (key != null) {
            headers.put("authorization", "Bearer " + key);
        }
        return handler.handleRequest(APIGatewayV2HTTPEvent.builder().withRouteKey(ROUTE).withHeaders(headers)
                .withPathParameters(Map.of("appId", appId, "customerId", customerId)).build(), null);
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

        assertEquals(status, get("shop", "c_1", key).getStatusCode());
    }

    @Test
    void get_profile_hasTheDocumentedFields() {
        JsonNode body = Json.read(get("shop", "c_1", shopKey).getBody(), JsonNode.class);

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
    void get_unknownCustomerOrTraversal_404Or400() {
        assertEquals(404, get("shop", "c_nobody", shopKey).getStatusCode());
        assertEquals(400, get("shop", "..%2F..%2Fc_1", shopKey).getStatusCode());
        assertEquals(400, get("../shop", "c_1", shopKey).getStatusCode());
    }
}
