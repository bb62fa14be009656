package com.mplifecycle.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.devtools.template.FunctionDefinition;
import com.mplifecycle.devtools.template.SamTemplate;
import com.mplifecycle.devtools.wechat.ReceivedMessage;
import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.local.runtime.LocalRuntime;
import com.mplifecycle.local.runtime.RuntimeOptions;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The local runtime's end-to-end scenarios, written once; each subclass says where the template's tables,
 * streams, buses and queues live (one suite, two backends). Whichever it is, the functions run in this JVM
 * behind the runtime's HTTP API, stream pollers, rule deliveries and schedules, and talk to the stand-in WeChat.
 *
 * <p>Customers are new in every test, so tests share one runtime without seeing each other. Each test starts
 * on the next morning of the runtime's clock (10:00 in Asia/Shanghai, outside the quiet hours); the clock only
 * moves forward.
 */
abstract class RuntimeScenarioSuite {
    static final RuntimeOptions OPTIONS = new RuntimeOptions(0, false, 0, 0, "scenario-admin-key-0123456789", null);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private RuntimeClient api;

    /** The runtime the subclass started on its backend. */
    abstract LocalRuntime runtime();

    @BeforeEach
    void startOnTheNextMorning() {
        api = new RuntimeClient(runtime());
        api.drain();
        Instant now = runtime().clock().instant();
        api.setClock(now.atZone(SHANGHAI).toLocalDate().plusDays(1).atTime(10, 0).atZone(SHANGHAI).toInstant());
        api.drain();
    }

    @Test
    void firstOrder_throughHttp_foldsIntoTheProfile_andTheStageChangeReachesDispatchThroughItsRule() {
        api.putCampaign("welcome", "{\"name\":\"welcome\",\"priority\":80,\"trigger\":{\"type\":\"stage_entered\","
                + "\"stage\":\"GROWING\"},\"templateId\":\"T_WELCOME\",\"page\":\"pages/index/index\","
                + "\"data\":{\"thing1\":\"感谢您的首单\"},\"holdoutPercent\":0}");
        RuntimeClient.Customer buyer = api.login("first-order");
        long now = runtime().clock().millis();

        api.track(buyer, event("fo-1", "app_launch", now, "{\"scene\":1001}"),
                event("fo-2", "subscribe_result", now, "{\"results\":{\"T_WELCOME\":\"accept\"}}"),
                event("fo-3", "order_paid", now + 1, "{\"orderId\":\"o-fo\",\"amountFen\":3300}"));
        api.drain();

        CustomerProfile profile = profile(buyer);
        assertEquals(Stage.GROWING, profile.stage());
        assertEquals(1, profile.paidOrders());
        assertEquals(3300, profile.revenueFen());
        // CustomerStageChanged went from the lifecycle function over the bus to DispatchFunction's rule, and
        // dispatch pushed the stage-entered campaign at once: no dispatch schedule fired since the morning.
        List<ReceivedMessage> messages = messagesTo(buyer);
        assertEquals(1, messages.size(), messages::toString);
        assertTrue(messages.get(0).sent());
        assertEquals("T_WELCOME", messages.get(0).templateId());
        assertEquals(0, profile.credits().getOrDefault("T_WELCOME", 0), "the credit is spent");
    }

    @Test
    void dailyRfmSchedule_firesWhenTheClockPassesIt() {
        RuntimeClient.Customer buyer = api.login("scheduled-buyer");
        api.track(buyer, event("sb-1", "order_paid", runtime().clock().millis(),
                "{\"orderId\":\"o-sb\",\"amountFen\":990}"));
        api.drain();
        String path = "/v1/apps/" + LocalRuntime.DEMO_APP + "/customers/" + buyer.customerId();
        String segments = "/v1/apps/" + LocalRuntime.DEMO_APP + "/stats/segments";
        JsonNode ranBefore = api.call(200, "GET", segments, null, runtime().adminKey()).get("computedAt").get("at");

        api.advance(Duration.ofDays(1));
        api.drain();

        JsonNode ranAfter = api.call(200, "GET", segments, null, runtime().adminKey()).get("computedAt").get("at");
        assertFalse(ranAfter.isNull(), "the 03:00 Asia/Shanghai schedule ran when the clock passed it");
        assertTrue(ranBefore.isNull() || Instant.parse(ranAfter.asText()).isAfter(Instant.parse(ranBefore.asText())),
                "a new run: " + ranBefore + " -> " + ranAfter);
        JsonNode scored = api.call(200, "GET", path, null, runtime().adminKey()).get("rfm");
        assertFalse(scored.isNull(), "scored from that run");
        assertEquals(1, scored.get("frequency").asInt());
    }

    @Test
    void dispatch_wechatFailing_isRetriedUntilSentOnce_andTheOutcomeIsRecorded() {
        api.putCampaign("cart", "{\"name\":\"cart\",\"priority\":90,\"trigger\":{\"type\":\"cart_abandoned\","
                + "\"hours\":2},\"templateId\":\"T_CART\",\"page\":\"pages/cart/index\","
                + "\"data\":{\"thing1\":\"购物车还有商品\"},\"holdoutPercent\":0}");
        RuntimeClient.Customer shopper = api.login("cart-shopper");
        long now = runtime().clock().millis();
        api.track(shopper, event("cs-1", "subscribe_result", now, "{\"results\":{\"T_CART\":\"accept\"}}"),
                event("cs-2", "add_to_cart", now, "{\"sku\":\"s1\",\"qty\":1,\"priceFen\":1990}"));
        api.drain();
        api.injectWeChatFault("{\"api\":\"subscribe_send\",\"httpStatus\":500,\"count\":1}");
        api.injectWeChatFault("{\"api\":\"subscribe_send\",\"errcode\":-1,\"count\":1}");

        // Each move of the clock by 5 minutes or more fires the 5-minute dispatch schedule once.
        api.advance(Duration.ofMinutes(125));
        api.drain();
        assertEquals(List.of("http 500"), outcomes(shopper), "due after 2 hours; WeChat's front answered 500");
        api.advance(Duration.ofMinutes(6));
        api.drain();
        assertEquals(List.of("http 500", "errcode -1"), outcomes(shopper), "retried after 5 minutes; WeChat busy");
        api.advance(Duration.ofMinutes(11));
        api.drain();
        api.advance(Duration.ofMinutes(30));
        api.drain();
        api.runSchedule("DispatchFunction");
        api.drain();

        assertEquals(List.of("http 500", "errcode -1", "sent"), outcomes(shopper), "sent once, never again");
        assertEquals(0, runtime().wechat().credits(shopper.openid(), "T_CART"));
        assertEquals(0, profile(shopper).credits().getOrDefault("T_CART", 0));
        JsonNode variant = api.campaignStatistics("cart").get("variants").get(0);
        assertEquals(1, variant.get("decided").asLong(), variant::toString);
        assertEquals(1, variant.get("sent").asLong(), variant::toString);
    }

    @Test
    void poisonStreamRecord_landsOnTheOnFailureDestinationAfterTheTemplatesRetries() {
        int before = lifecycleFailures().size();
        long now = runtime().clock().millis();
        runtime().profilesClient().putItem(b -> b.tableName(runtime().tableName("EventsTable")).item(Map.of(
                "pk", AttributeValue.fromS(LocalRuntime.DEMO_APP + "#c_poison"),
                "sk", AttributeValue.fromS(now + "#p"), "ev", AttributeValue.fromS("not json"))));
        RuntimeClient.Customer after = api.login("after-poison");
        api.track(after, event("ap-1", "order_paid", now, "{\"orderId\":\"o-ap\",\"amountFen\":500}"));
        api.drain();

        // each consumer of the events stream (the lifecycle fold, the points ledger) gives up on it once
        List<String> records = lifecycleFailures();
        assertEquals(before + 1, records.size(), records::toString);
        JsonNode record = Json.read(records.get(records.size() - 1), JsonNode.class);
        assertEquals("RetryAttemptsExhausted", record.at("/requestContext/condition").asText(), record::toString);
        assertEquals(1 + streamMaximumRetryAttempts(), record.at("/requestContext/approximateInvokeCount").asInt(),
                "the first invocation and the template's MaximumRetryAttempts");
        assertEquals(runtime().profilesClient().describeTable(b -> b.tableName(runtime().tableName("EventsTable")))
                .table().latestStreamArn(), record.at("/DDBStreamBatchInfo/streamArn").asText());
        assertTrue(profiles().load(LocalRuntime.DEMO_APP, after.customerId()).isPresent(),
                "records behind the poison one are processed");
        assertFalse(profiles().load(LocalRuntime.DEMO_APP, "c_poison").isPresent());
    }

    private List<String> lifecycleFailures() {
        return runtime().onFailureRecords().stream().filter(r -> Json.read(r, JsonNode.class)
                .at("/requestContext/functionArn").asText().endsWith(":LifecycleFunction")).toList();
    }

    private static String event(String id, String type, long ts, String props) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"" + type + "\",\"ts\":" + ts + ",\"props\":" + props + "}";
    }

    private ProfileStore profiles() {
        return new ProfileStore(runtime().profilesClient(), runtime().profilesTable());
    }

    private CustomerProfile profile(RuntimeClient.Customer customer) {
        return profiles().load(LocalRuntime.DEMO_APP, customer.customerId()).orElseThrow();
    }

    private List<ReceivedMessage> messagesTo(RuntimeClient.Customer customer) {
        return runtime().wechat().messages(Optional.of(customer.openid()));
    }

    /** How WeChat answered each send to the customer, oldest first. */
    private List<String> outcomes(RuntimeClient.Customer customer) {
        return messagesTo(customer).stream().map(m -> m.sent() ? "sent"
                : m.httpStatus() != 200 ? "http " + m.httpStatus() : "errcode " + m.errcode()).toList();
    }

    @SuppressWarnings("unchecked")
    private static int streamMaximumRetryAttempts() {
        FunctionDefinition lifecycle = FunctionDefinition.all(SamTemplate.load(SamTemplate.locate()))
                .get("LifecycleFunction");
        Map<String, Object> stream = lifecycle.events().values().stream()
                .filter(e -> "DynamoDB".equals(e.get("Type"))).findFirst().orElseThrow();
        return Integer.parseInt(String.valueOf(((Map<String, Object>) stream.get("Properties"))
                .get("MaximumRetryAttempts")));
    }

    /**
     * Loyalty end to end: a server order lifts the level at once, a week of check-ins with one make-up,
     * a redemption, a refund that takes its points back and costs the level at the next daily run, and
     * after a year on the clock the rest expires; erasure removes the ledger.
     */
    @Test
    void loyalty_serverOrders_checkInWeek_levelUp_redemption_refund_expiryAfterAYear() {
        String app = "/v1/apps/" + LocalRuntime.DEMO_APP;
        String admin = runtime().adminKey();
        api.call(200, "PUT", app + "/rewards/tea", "{\"name\":\"Tea\",\"costPoints\":100,\"stock\":3}", admin);
        api.putCampaign("level-up", "{\"name\":\"level up\",\"priority\":70,\"trigger\":{\"type\":\"level_up\"},"
                + "\"templateId\":\"T_LEVEL\",\"page\":\"pages/member/index\",\"data\":{\"thing1\":\"会员升级\"},"
                + "\"holdoutPercent\":0}");
        RuntimeClient.Customer member = api.login("loyal-member");
        String points = app + "/customers/" + member.customerId() + "/points";
        long now = runtime().clock().millis();
        runtime().wechat().acceptSubscription(member.openid(), "T_LEVEL");
        api.track(member, event("lm-0", "app_launch", now - 1000, "{\"scene\":1001}"),
                event("lm-s", "subscribe_result", now - 500, "{\"results\":{\"T_LEVEL\":\"accept\"}}"));
        api.drain();
        JsonNode orders = api.call(202, "POST", app + "/orders", "{\"orders\":[{\"orderId\":\"lm-1\",\"openid\":\""
                + member.openid() + "\",\"amountFen\":60000,\"paidAt\":" + now + ",\"items\":[{\"sku\":\"tea-box\","
                + "\"qty\":2,\"priceFen\":30000}]}]}", admin);
        assertEquals(1, orders.get("accepted").asInt(), orders::toString);
        api.drain();
        JsonNode me = api.call(200, "GET", "/v1/me", null, member.token());
        assertEquals(600, me.get("points").get("balance").asLong());
        assertEquals("银卡", me.get("level").get("name").asText(), "growth 600 reaches 银卡 at once");
        JsonNode profile = api.call(200, "GET", app + "/customers/" + member.customerId(), null, admin);
        assertEquals("server", profile.get("recentOrders").get(0).get("source").asText());
        assertEquals("银卡", profile.get("loyalty").get("level").asText(), "campaigns see the level-up in the profile");
        api.runSchedule("DispatchFunction");
        api.drain();
        List<ReceivedMessage> levelUp = messagesTo(member).stream().filter(m -> "T_LEVEL".equals(m.templateId()))
                .toList();
        assertEquals(1, levelUp.size(), "the level_up campaign pushed once: " + levelUp);

        // a week of check-ins, the fourth day missed and made up on the seventh
        for (int day = 1; day <= 7; day++) {
            RuntimeClient.Customer session = api.login("loyal-member", day + 1);
            if (day != 4) {
                api.call(200, "POST", "/v1/me/check-ins", "{}", session.token());
            }
            if (day == 7) {
                String missed = java.time.LocalDate.ofInstant(runtime().clock().instant(), SHANGHAI).minusDays(3).toString();
                JsonNode madeUp = api.call(200, "POST", "/v1/me/check-ins", "{\"date\":\"" + missed
                        + "\",\"makeUp\":true}", session.token());
                assertEquals(7, madeUp.get("streak").asInt(), "the make-up restores the week's streak");
                api.call(409, "POST", "/v1/me/check-ins", "{\"date\":\"" + missed + "\",\"makeUp\":true}",
                        session.token());
                member = session;
            } else {
                api.advance(Duration.ofDays(1));
                api.drain();
            }
        }
        // check-ins earn at 银卡's multiplier (×1.2); the make-up's cost is exact
        long afterWeek = 600 + (12 + 18 + 24) + (12 + 18 + 24) - 20;
        assertEquals(afterWeek, api.call(200, "GET", "/v1/me", null, member.token()).get("points").get("balance").asLong());

        JsonNode redemption = api.call(201, "POST", "/v1/me/redemptions", "{\"rewardId\":\"tea\",\"requestId\":\"lm-r1\"}",
                member.token());
        assertEquals(afterWeek - 100, redemption.get("balance").asLong());
        api.call(201, "POST", "/v1/me/redemptions", "{\"rewardId\":\"tea\",\"requestId\":\"lm-r1\"}", member.token());
        assertEquals(2, api.call(200, "GET", app + "/rewards/tea", null, admin).get("stock").asInt());

        api.call(202, "POST", app + "/refunds", "{\"refunds\":[{\"refundId\":\"lm-rf1\",\"orderId\":\"lm-1\","
                + "\"amountFen\":30000,\"refundedAt\":" + runtime().clock().millis() + "}]}", admin);
        api.drain();
        long afterRefund = afterWeek - 100 - 300;
        JsonNode account = api.call(200, "GET", points, null, admin);
        assertEquals(afterRefund, account.get("balance").asLong());
        assertEquals("银卡", account.get("level").get("name").asText(), "downgrades wait for the daily run");
        api.advance(Duration.ofDays(1));
        api.drain();
        assertEquals("普通", api.call(200, "GET", points, null, admin).get("level").get("name").asText());

        api.advance(Duration.ofDays(366));
        api.drain();
        account = api.call(200, "GET", points, null, admin);
        assertEquals(0, account.get("balance").asLong());
        assertEquals(afterRefund, account.get("expired").asLong());
        assertEquals("expiry", account.get("entries").get(0).get("kind").asText());

        api.call(204, "DELETE", app + "/customers/" + member.customerId(), null, admin);
        account = api.call(200, "GET", points, null, admin);
        assertEquals(0, account.get("entries").size(), "erasure removed the ledger");
        assertEquals(0, account.get("earned").asLong());
    }
}
