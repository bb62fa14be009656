package com.mplifecycle.local.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mplifecycle.aws.admin.AdminKeys;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.aws.secrets.Secrets;
import com.mplifecycle.devtools.wechat.WeChatStandIn;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Campaigns end to end through the runtime: a campaign PUT over the admin API, a customer who
 * subscribes and leaves a cart, the clock moved past the trigger, the 5-minute schedule, and the
 * message at the stand-in WeChat; an invalid campaign is a 400 naming the field.
 */
class DispatchE2ET {
    private static final String CAMPAIGN = "{\"name\":\"cart\",\"priority\":90,"
            + "\"trigger\":{\"type\":\"cart_abandoned\",\"hours\":2},\"templateId\":\"T_CART\","
            + "\"page\":\"pages/cart/index\",\"data\":{\"thing1\":\"购物车还有商品\",\"amount2\":\"{{cartValue}}\"},"
            + "\"variants\":[{\"id\":\"A\",\"weight\":50},{\"id\":\"B\",\"weight\":50,\"data\":{\"thing1\":\"库存紧张\"}}],"
            + "\"holdoutPercent\":0}";
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

    private static JsonNode call(String method, String path, String body, String token, int status) throws Exception {
        return RuntimeCalls.expect(runtime, method, path, body, token, status);
    }

    @Test
    void campaignRoutes_putGetDelete_andInvalidIs400WithField() throws Exception {
        String key = runtime.adminKey();
        call("PUT", "/v1/apps/demo/campaigns/tmp", CAMPAIGN, key, 200);
        assertEquals("cart_abandoned", call("GET", "/v1/apps/demo/campaigns/tmp", null, key, 200)
                .get("trigger").get("type").asText());
        call("DELETE", "/v1/apps/demo/campaigns/tmp", null, key, 204);
        call("GET", "/v1/apps/demo/campaigns/tmp", null, key, 404);

        JsonNode bad = call("PUT", "/v1/apps/demo/campaigns/bad", CAMPAIGN.replace("cart_abandoned", "full_moon"),
                key, 400);
        assertEquals("trigger.type", bad.get("fields").get(0).get("field").asText());
        call("PUT", "/v1/apps/demo/campaigns/bad", CAMPAIGN, null, 401);
    }

    @Test
    void cartAbandoned_scheduledDispatchSendsAfterTwoHours_onlyToTheSubscriber() throws Exception {
        call("PUT", "/v1/apps/demo/campaigns/cart", CAMPAIGN, runtime.adminKey(), 200);
        String subscriber = shopper("cart-sub", true);
        String other = shopper("cart-nosub", false);
        call("POST", "/_local/drain", null, null, 200);

        call("POST", "/_local/clock", "{\"advance\":\"PT1H\"}", null, 200);
        call("POST", "/_local/run/DispatchFunction", null, null, 200);
        call("POST", "/_local/drain", null, null, 200);
        assertEquals(0, messages(subscriber));

        call("POST", "/_local/clock", "{\"advance\":\"PT1H5M\"}", null, 200);
        call("POST", "/_local/run/DispatchFunction", null, null, 200);
        call("POST", "/_local/drain", null, null, 200);

        assertEquals(1, messages(subscriber));
        assertEquals(0, messages(other));
        assertEquals(0, runtime.wechat().credits(subscriber, "T_CART"), "the credit was spent at WeChat");

        // The subscriber pays the next day: the push converts, once, in the campaign's statistics.
        call("POST", "/_local/clock", "{\"advance\":\"P1D\"}", null, 200);
        JsonNode session = call("POST", "/v1/session", "{\"appId\":\"demo\",\"code\":\"cart-sub~2\"}", null, 200);
        String paid = "{\"events\":[{\"eventId\":\"cart-sub-paid\",\"type\":\"order_paid\",\"ts\":"
                + runtime.clock().instant().toEpochMilli() + ",\"props\":{\"orderId\":\"cs-1\",\"amountFen\":1990}}]}";
        call("POST", "/v1/events", paid, session.get("token").asText(), 202);
        call("POST", "/v1/events", paid, session.get("token").asText(), 202);
        call("POST", "/_local/drain", null, null, 200);
        JsonNode stats = call("GET", "/v1/apps/demo/stats/campaigns/cart", null, runtime.adminKey(), 200);
        long decided = 0;
        long sent = 0;
        long conversions = 0;
        for (JsonNode v : stats.get("variants")) {
            decided += v.get("decided").asLong();
            sent += v.get("sent").asLong();
            conversions += v.get("conversions").asLong();
        }
        assertEquals(1, decided, stats.toString());
        assertEquals(1, sent, stats.toString());
        assertEquals(1, conversions, stats.toString());
    }

    @Test
    void newApp_putIntoTheSecretWhileRunning_logsInAndGetsPushes() throws Exception {
        String key = "shop2-admin-key-0123456789";
        new AdminKeys(runtime.profilesClient(), runtime.tableName("AppsTable"), runtime.clock()).register("shop2", key);
        call("PUT", "/v1/apps/shop2/campaigns/cart", CAMPAIGN, key, 200);
        call("POST", "/v1/session", "{\"appId\":\"shop2\",\"code\":\"early~1\"}", null, 404);

        // Onboarding, the runtime running on: the mini-program at WeChat, its credentials into the secret.
        call("POST", "/_local/wechat/apps", "{\"wechatAppId\":\"wxshop2\",\"appSecret\":\"shop2-secret\"}", null,
                200);
        JsonNode health = call("GET", "/_local/health", null, null, 200);
        try (SecretsManagerClient secrets = SecretsManagerClient.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create(health.get("endpoints").get("secretsmanager").asText()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("any", "any")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            String secretId = health.get("secretId").asText();
            ObjectNode document = (ObjectNode) Json.read(secrets.getSecretValue(b -> b.secretId(secretId))
                    .secretString(), JsonNode.class);
            ((ObjectNode) document.get("apps")).putObject("shop2").put("wechatAppId", "wxshop2")
                    .put("appSecret", "shop2-secret");
            secrets.putSecretValue(b -> b.secretId(secretId).secretString(document.toString()));
        }
        // the 404 above read the secret again a moment ago; the next read for an unknown app waits this long
        call("POST", "/_local/clock", "{\"advance\":\"" + Secrets.MISS_READ_INTERVAL + "\"}", null, 200);

        String subscriber = shopper("shop2", "wxshop2", "new-sub", true);
        call("POST", "/_local/drain", null, null, 200);
        call("POST", "/_local/clock", "{\"advance\":\"PT2H5M\"}", null, 200);
        call("POST", "/_local/run/DispatchFunction", null, null, 200);
        call("POST", "/_local/drain", null, null, 200);

        assertEquals(1, messages(subscriber));
    }

    private static String shopper(String user, boolean subscribes) throws Exception {
        return shopper("demo", LocalRuntime.DEMO_WECHAT_APP_ID, user, subscribes);
    }

    /**
     * Logs in, subscribes (or not) and puts something in the cart; returns the openid. The subscribe_result
     * alone gives the credit at the stand-in WeChat too, as the user's tap would (SubscriptionTwin).
     */
    private static String shopper(String appId, String wechatAppId, String user, boolean subscribes) throws Exception {
        JsonNode session = call("POST", "/v1/session", "{\"appId\":\"" + appId + "\",\"code\":\"" + user + "~1\"}",
                null, 200);
        String openid = WeChatStandIn.openIdFor(wechatAppId, user + "~1");
        long now = runtime.clock().instant().toEpochMilli();
        String subscribe = subscribes ? ",{\"eventId\":\"" + user + "-s\",\"type\":\"subscribe_result\",\"ts\":" + now
                + ",\"props\":{\"results\":{\"T_CART\":\"accept\"}}}" : "";
        String events = "{\"events\":[{\"eventId\":\"" + user + "-c\",\"type\":\"add_to_cart\",\"ts\":"
                + now + ",\"props\":{\"sku\":\"s1\",\"qty\":1,\"priceFen\":1990}}" + subscribe + "]}";
        call("POST", "/v1/events", events, session.get("token").asText(), 202);
        // a client's retry: the same eventIds grant nothing more, here or at the stand-in
        call("POST", "/v1/events", events, session.get("token").asText(), 202);
        return openid;
    }

    private static long messages(String openid) throws Exception {
        JsonNode all = call("GET", "/_local/wechat/messages?touser=" + openid, null, null, 200);
        return StreamSupport.stream(all.get("messages").spliterator(), false)
                .filter(m -> m.path("errcode").asInt(0) == 0).count();
    }
}
