package com.mplifecycle.local.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.devtools.wechat.WeChatStandIn;
import com.mplifecycle.domain.profile.CustomerIds;

/**
 * Sharing and the feedback inbox end to end through the runtime: customers' events over HTTP, the
 * stream, the admin API and the scheduled dispatch, with the message at the stand-in WeChat. A shares;
 * B opens A's share and is new; C, known before, opens it; A opens their own share; B's first server
 * order (sent twice) rewards A and B once, C's order nobody, and A is told once; B's full refund takes
 * both rewards back; then B complains, an operator acknowledges and resolves it, and B is told once.
 */
class SharingAndFeedbackE2ET {
    private static final String FEEDBACK_CAMPAIGN = "{\"name\":\"feedback handled\",\"priority\":95,"
            + "\"trigger\":{\"type\":\"feedback_resolved\"},\"templateId\":\"T_FEEDBACK\","
            + "\"page\":\"pages/feedback/index\",\"data\":{\"thing1\":\"您的反馈已处理完毕\"},\"holdoutPercent\":0}";
    private static final String REFERRAL_CAMPAIGN = "{\"name\":\"referral rewarded\",\"priority\":90,"
            + "\"trigger\":{\"type\":\"referral_rewarded\"},\"templateId\":\"T_REFERRAL\","
            + "\"page\":\"pages/points/index\",\"data\":{\"thing1\":\"好友首单完成，邀请积分已到账\"},\"holdoutPercent\":0}";
    private static LocalRuntime runtime;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(new RuntimeOptions(0, false, 0, 0, "test-admin-key-0123456789", null));
        call("POST", "/_local/clock", "{\"set\":\"2026-03-10T02:00:00Z\"}", null, 200);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void shareOpenedThenComplaintResolved() throws Exception {
        String key = runtime.adminKey();
        // C is known before A shares
        call("POST", "/v1/events", events(event("c-launch", "app_launch", "{\"scene\":1001}")), token("cee~1"), 202);
        call("POST", "/_local/drain", null, null, 200);
        String a = token("ay~1");
        call("POST", "/v1/events", events(event("a-launch", "app_launch", "{\"scene\":1001}"),
                event("a-share", "share", "{\"path\":\"pages/item/index?id=7&clm_s=a-s1\",\"shareId\":\"a-s1\"}")), a, 202);
        call("POST", "/_local/drain", null, null, 200);
        String b = token("bee~1");
        String opened = events(event("b-launch", "app_launch",
                "{\"scene\":1007,\"path\":\"pages/item/index\",\"query\":{\"id\":\"7\",\"clm_s\":\"a-s1\"}}"));
        call("POST", "/v1/events", opened, b, 202);
        call("POST", "/v1/events", opened, b, 202); // retried
        call("POST", "/v1/events", events(event("c-show", "app_show", "{\"scene\":1007,\"query\":\"id=7&clm_s=a-s1\"}")),
                token("cee~2"), 202);
        call("POST", "/v1/events", events(event("a-show", "app_show", "{\"scene\":1007,\"query\":\"clm_s=a-s1\"}")), a, 202);
        call("POST", "/_local/drain", null, null, 200);

        JsonNode sharing = call("GET", "/v1/apps/demo/stats/sharing?from=2026-03-10&to=2026-03-10", null, key, 200);
        assertEquals(1, sharing.get("sharers").asInt(), sharing.toString());
        assertEquals(1, sharing.get("shares").asInt(), sharing.toString());
        assertEquals(2, sharing.get("opens").asInt(), sharing.toString());
        assertEquals(1, sharing.get("newCustomers").asInt(), sharing.toString());
        assertEquals(2.0, sharing.get("opensPerShare").asDouble(), sharing.toString());
        String aId = sharing.get("topSharers").get(0).get("customerId").asText();
        JsonNode bee = call("GET", "/v1/apps/demo/customers/" + customerId(b), null, key, 200);
        assertEquals(aId, bee.get("referredBy").get("customerId").asText());
        assertEquals(1, call("GET", "/v1/apps/demo/customers/" + aId, null, key, 200).get("referredCustomers").asInt());

        referralRewarded(key, a, aId, b);
        complaintResolved(key, b);
    }

    private void referralRewarded(String key, String a, String aId, String b) throws Exception {
        call("PUT", "/v1/apps/demo/campaigns/referral-rewarded", REFERRAL_CAMPAIGN, key, 200);
        String ayOpenid = WeChatStandIn.openIdFor(LocalRuntime.DEMO_WECHAT_APP_ID, "ay~1");
        runtime.wechat().acceptSubscription(ayOpenid, "T_REFERRAL");
        call("POST", "/v1/events", events(event("a-sub", "subscribe_result", "{\"results\":{\"T_REFERRAL\":\"accept\"}}")),
                a, 202);
        call("POST", "/_local/drain", null, null, 200);
        String orders = "{\"orders\":[" + serverOrder("b-o1", "bee~1", 10_000) + "," + serverOrder("c-o1", "cee~1", 10_000)
                + "]}";
        call("POST", "/v1/apps/demo/orders", orders, key, 202);
        call("POST", "/v1/apps/demo/orders", orders, key, 202); // the merchant's server retried
        call("POST", "/_local/drain", null, null, 200);

        assertEquals(List.of("referral:" + customerId(b) + " 100"), ledger(key, aId));
        assertEquals(List.of("order:b-o1 100", "referral:welcome 50"), ledger(key, customerId(b)));
        JsonNode mine = call("GET", "/v1/me/points", null, b, 200);
        JsonNode welcome = StreamSupport.stream(mine.get("entries").spliterator(), false)
                .filter(e -> e.get("cause").asText().equals("referral:welcome")).findFirst().orElseThrow();
        assertEquals("referral", welcome.get("kind").asText(), mine.toString());
        assertEquals("b-o1", welcome.get("ref").asText(), "the customer's own ledger names the first order");
        assertEquals(150, welcome.get("balance").asLong());
        assertEquals(List.of("order:c-o1 100"), ledger(key, CustomerIds.of("demo",
                WeChatStandIn.openIdFor(LocalRuntime.DEMO_WECHAT_APP_ID, "cee~1"))), "C was known before the open");

        call("POST", "/_local/run/DispatchFunction", null, null, 200);
        call("POST", "/_local/clock", "{\"advance\":\"PT10M\"}", null, 200);
        call("POST", "/_local/run/DispatchFunction", null, null, 200);
        call("POST", "/_local/drain", null, null, 200);
        assertEquals(1, messages(ayOpenid, "T_REFERRAL"), "the sharer is told once");

        String refund = "{\"refunds\":[{\"refundId\":\"b-r1\",\"orderId\":\"b-o1\",\"amountFen\":10000,"
                + "\"refundedAt\":" + runtime.clock().instant().toEpochMilli() + "}]}";
        call("POST", "/v1/apps/demo/refunds", refund, key, 202);
        call("POST", "/_local/drain", null, null, 200);
        assertEquals(List.of("referral:" + customerId(b) + " 100", "referral:" + customerId(b) + ":refunded -100"),
                ledger(key, aId));
        assertEquals(0, call("GET", "/v1/apps/demo/customers/" + customerId(b) + "/points", null, key, 200)
                .get("balance").asLong(), "the refund took the order's points and the welcome back");
        call("POST", "/_local/run/DispatchFunction", null, null, 200);
        assertEquals(1, messages(ayOpenid, "T_REFERRAL"));
    }

    private static String serverOrder(String orderId, String code, long fen) {
        return "{\"orderId\":\"" + orderId + "\",\"openid\":\"" + WeChatStandIn.openIdFor(LocalRuntime.DEMO_WECHAT_APP_ID,
                code) + "\",\"amountFen\":" + fen + ",\"paidAt\":" + runtime.clock().instant().toEpochMilli() + "}";
    }

    /** A customer's ledger as sorted "cause points" lines. */
    private static List<String> ledger(String key, String customerId) throws Exception {
        JsonNode points = call("GET", "/v1/apps/demo/customers/" + customerId + "/points", null, key, 200);
        return StreamSupport.stream(points.get("entries").spliterator(), false)
                .map(e -> e.get("cause").asText() + " " + e.get("points").asLong()).sorted().toList();
    }

    private void complaintResolved(String key, String b) throws Exception {
        call("PUT", "/v1/apps/demo/campaigns/feedback-resolved", FEEDBACK_CAMPAIGN, key, 200);
        String beeOpenid = WeChatStandIn.openIdFor(LocalRuntime.DEMO_WECHAT_APP_ID, "bee~1");
        runtime.wechat().acceptSubscription(beeOpenid, "T_FEEDBACK");
        String complaint = events(event("b-sub", "subscribe_result", "{\"results\":{\"T_FEEDBACK\":\"accept\"}}"),
                event("b-complaint", "feedback",
                        "{\"category\":\"complaint\",\"text\":\"<img src=x onerror=alert(1)> 送货太慢\",\"page\":\"pages/order/detail\"}"));
        call("POST", "/v1/events", complaint, b, 202);
        call("POST", "/v1/events", complaint, b, 202); // a retried request
        call("POST", "/_local/drain", null, null, 200);

        JsonNode inbox = call("GET", "/v1/apps/demo/feedback?category=complaint&status=open", null, key, 200);
        assertEquals(1, inbox.get("items").size(), inbox.toString());
        JsonNode item = inbox.get("items").get(0);
        assertEquals("<img src=x onerror=alert(1)> 送货太慢", item.get("text").asText());
        assertEquals(call("GET", "/v1/apps/demo/customers/" + customerId(b), null, key, 200).get("stage").asText(),
                item.get("stage").asText(), "the stage when the complaint came");
        String path = "/v1/apps/demo/feedback/" + item.get("feedbackId").asText();
        call("PATCH", path, "{\"status\":\"acknowledged\",\"note\":\"查看中\"}", key, 200);
        call("POST", "/_local/run/DispatchFunction", null, null, 200);
        assertEquals(0, messages(beeOpenid, "T_FEEDBACK"), "acknowledging tells nobody");

        call("POST", "/_local/clock", "{\"advance\":\"PT3H\"}", null, 200);
        JsonNode resolved = call("PATCH", path, "{\"status\":\"resolved\",\"note\":\"已补发\"}", key, 200);
        call("PATCH", path, "{\"status\":\"open\"}", key, 400);
        call("POST", "/_local/run/DispatchFunction", null, null, 200);
        call("POST", "/_local/clock", "{\"advance\":\"PT10M\"}", null, 200);
        call("POST", "/_local/run/DispatchFunction", null, null, 200);
        call("POST", "/_local/drain", null, null, 200);

        assertEquals(1, messages(beeOpenid, "T_FEEDBACK"));
        assertEquals(2, resolved.get("changes").size());
        JsonNode stats = call("GET", "/v1/apps/demo/stats/feedback?from=2026-03-10&to=2026-03-10", null, key, 200);
        assertEquals(1, stats.get("byStatus").get("resolved").asInt(), stats.toString());
        assertEquals(3.0, stats.get("complaints").get("medianHoursToResolve").asDouble(), 0.1, stats.toString());
    }

    private static final Map<String, String> CUSTOMER_BY_TOKEN = new HashMap<>();

    private static String customerId(String token) {
        return CUSTOMER_BY_TOKEN.get(token);
    }

    private static String token(String code) throws Exception {
        JsonNode session = call("POST", "/v1/session", "{\"appId\":\"demo\",\"code\":\"" + code + "\"}", null, 200);
        CUSTOMER_BY_TOKEN.put(session.get("token").asText(), session.get("customerId").asText());
        return session.get("token").asText();
    }

    private static String event(String id, String type, String props) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"" + type + "\",\"ts\":" + runtime.clock().instant().toEpochMilli()
                + ",\"props\":" + props + "}";
    }

    private static String events(String... events) {
        return "{\"events\":[" + String.join(",", List.of(events)) + "]}";
    }

    private static JsonNode call(String method, String path, String body, String token, int status) throws Exception {
        return RuntimeCalls.expect(runtime, method, path, body, token, status);
    }

    private static long messages(String openid, String templateId) throws Exception {
        JsonNode all = call("GET", "/_local/wechat/messages?touser=" + openid, null, null, 200);
        return StreamSupport.stream(all.get("messages").spliterator(), false)
                .filter(m -> m.path("errcode").asInt(0) == 0 && templateId.equals(m.path("template_id").asText()))
                .count();
    }
}
