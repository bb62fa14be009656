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
        int before = runtime().onFailureRecords().size();
        long now = runtime().clock().millis();
        runtime().profilesClient().putItem(b -> b.tableName(runtime().tableName("EventsTable")).item(Map.of(
                "pk", AttributeValue.fromS(LocalRuntime.DEMO_APP + "#c_poison"),
                "sk", AttributeValue.fromS(now + "#p"), "ev", AttributeValue.fromS("not json"))));
        RuntimeClient.Customer after = api.login("after-poison");
        api.track(after, event("ap-1", "order_paid", now, "{\"orderId\":\"o-ap\",\"amountFen\":500}"));
        api.drain();

        List<String> records = runtime().onFailureRecords();
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
}
