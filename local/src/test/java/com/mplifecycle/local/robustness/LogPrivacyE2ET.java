package com.mplifecycle.local.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.mplifecycle.devtools.wechat.WeChatStandIn;
import com.mplifecycle.local.runtime.LocalRuntime;
import com.mplifecycle.local.runtime.RuntimeOptions;

/**
 * What the functions log while serving a customer (session, events, stream, admin) never holds the
 * openid, the session token, the admin key or event content: only ids, counts and reasons.
 */
class LogPrivacyE2ET {
    @Test
    void logs_ofAFullCustomerJourney_carryNoOpenidTokenKeyOrContent() throws Exception {
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String adminKey = "privacy-admin-key-0123456789";
        String token;
        String customerId;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (LocalRuntime runtime = LocalRuntime.start(new RuntimeOptions(0, false, 0, 0, adminKey, null))) {
            ApiClient api = new ApiClient(runtime.apiUrl());
            ApiClient.Answer session = api.post("/v1/session", "{\"appId\":\"demo\",\"code\":\"secretive~1\"}", null);
            token = session.json().get("token").asText();
            customerId = session.json().get("customerId").asText();
            long now = runtime.clock().instant().toEpochMilli();
            api.post("/v1/events", "{\"events\":[{\"eventId\":\"p1\",\"type\":\"feedback\",\"ts\":" + now
                    + ",\"props\":{\"category\":\"complaint\",\"text\":\"my-private-complaint-text\"}},"
                    + "{\"eventId\":\"p2\",\"type\":\"page_view\",\"ts\":\"bad\"}]}", token);
            api.post("/v1/events", "{\"events\":[]}", "forged." + token);
            api.post("/_local/drain", "", null);
            assertEquals(200, api.send("GET", "/v1/apps/demo/customers/" + customerId, null, adminKey).status());
        } finally {
            System.setOut(console);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        String openid = WeChatStandIn.openIdFor(LocalRuntime.DEMO_WECHAT_APP_ID, "secretive~1");

        assertTrue(logs.contains(customerId), "logs name the customer by its pseudonymous id");
        assertFalse(logs.contains(openid), "openid in logs");
        assertFalse(logs.contains(token), "session token in logs");
        assertFalse(logs.contains(token.substring(token.lastIndexOf('.') + 1)), "token signature in logs");
        assertFalse(logs.contains(adminKey), "admin key in logs");
        assertFalse(logs.contains("my-private-complaint-text"), "event content in logs");
    }
}
