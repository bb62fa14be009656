package com.mplifecycle.local.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.devtools.template.SamTemplate;
import com.mplifecycle.devtools.wechat.ReceivedMessage;
import com.mplifecycle.devtools.wechat.WeChatStandIn;
import com.mplifecycle.local.runtime.LocalRuntime;
import com.mplifecycle.local.runtime.RuntimeOptions;

/**
 * A campaign launched over the admin API to more customers than one dispatch invocation takes (the template's
 * page size and pages per invocation turned down to 2 and 1): the backfill and the 5-minute run hand their walks
 * on through the template's {@code WorkHandedOn} rule, and every customer gets exactly one push.
 */
class DispatchFanOutE2ET {
    private static final int CUSTOMERS = 24;
    private static final String PAGE_SIZE = "DISPATCH_PAGE_SIZE: \"100\"";
    private static final String PAGES = "DISPATCH_PAGES_PER_INVOCATION: \"20\"";
    private static final String CAMPAIGN = "{\"name\":\"cart\",\"priority\":90,"
            + "\"trigger\":{\"type\":\"cart_abandoned\",\"hours\":2},\"templateId\":\"T_CART\","
            + "\"page\":\"pages/cart/index\",\"data\":{\"thing1\":\"购物车还有商品\"},\"holdoutPercent\":0}";
    private static LocalRuntime runtime;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        String yaml = Files.readString(SamTemplate.locate());
        assertTrue(yaml.contains(PAGE_SIZE) && yaml.contains(PAGES), "the template sets " + PAGE_SIZE + ", " + PAGES);
        runtime = LocalRuntime.start(SamTemplate.parse(yaml.replace(PAGE_SIZE, "DISPATCH_PAGE_SIZE: \"2\"")
                .replace(PAGES, "DISPATCH_PAGES_PER_INVOCATION: \"1\"")),
                new RuntimeOptions(0, false, 0, 0, "fanout-admin-key-0123456789", null));
        api = new ApiClient(runtime.apiUrl());
        api.post("/_local/clock", "{\"set\":\"2026-03-10T02:00:00Z\"}", null);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    private static long dispatchInvocations() throws Exception {
        for (JsonNode f : Json.read(api.send("GET", "/_local/functions", null, null).body(), JsonNode.class)) {
            if (f.get("logicalId").asText().equals("DispatchFunction")) {
                return f.get("invocations").asLong();
            }
        }
        throw new AssertionError("no DispatchFunction");
    }

    @Test
    void launch_toMoreThanOneInvocationTakes_handedOnThroughTheBus_eachCustomerPushedOnce() throws Exception {
        List<String> openids = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            String user = "fan" + i;
            ApiClient.Answer session = api.post("/v1/session", "{\"appId\":\"demo\",\"code\":\"" + user + "~1\"}", null);
            long now = runtime.clock().instant().toEpochMilli();
            assertEquals(202, api.post("/v1/events", "{\"events\":[{\"eventId\":\"" + user + "-s\",\"type\":"
                    + "\"subscribe_result\",\"ts\":" + now + ",\"props\":{\"results\":{\"T_CART\":\"accept\"}}},"
                    + "{\"eventId\":\"" + user + "-c\",\"type\":\"add_to_cart\",\"ts\":" + now
                    + ",\"props\":{\"sku\":\"s1\",\"qty\":1,\"priceFen\":1990}}]}",
                    session.json().get("token").asText()).status());
            openids.add(WeChatStandIn.openIdFor(LocalRuntime.DEMO_WECHAT_APP_ID, user + "~1"));
        }
        api.post("/_local/drain", "", null);
        long before = dispatchInvocations();

        // the launch: the campaign saved after its audience exists, found by the backfill
        assertEquals(200, api.send("PUT", "/v1/apps/demo/campaigns/cart",
                CAMPAIGN.getBytes(java.nio.charset.StandardCharsets.UTF_8), runtime.adminKey()).status());
        api.post("/_local/drain", "", null);
        api.post("/_local/clock", "{\"advance\":\"PT2H5M\"}", null);
        assertEquals(200, api.post("/_local/run/DispatchFunction", "", null).status());
        assertEquals(200, api.post("/_local/drain", "", null).status());

        for (String openid : openids) {
            List<ReceivedMessage> to = runtime.wechat().messages(java.util.Optional.of(openid));
            assertEquals(1, to.size(), openid + ": " + to);
            assertTrue(to.get(0).sent());
        }
        assertTrue(dispatchInvocations() - before > 2 + 16,
                "the backfill and the sweep were handed on over several invocations: " + (dispatchInvocations() - before));
        assertEquals(List.of(), runtime.deadLetters());
    }
}
