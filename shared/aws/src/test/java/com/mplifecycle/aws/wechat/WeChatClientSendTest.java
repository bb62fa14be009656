package com.mplifecycle.aws.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mplifecycle.devtools.wechat.ReceivedMessage;
import com.mplifecycle.devtools.wechat.WeChatStandIn;
import com.mplifecycle.domain.wechat.SubscribeMessage;

class WeChatClientSendTest {
    private static final String APP_ID = "wx1234567890abcdef";
    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final String TEMPLATE = "TPL_RENEWAL";

    private WeChatStandIn wechat;
    private WeChatClient client;
    private String openid;
    private String token;

    @BeforeEach
    void start() {
        wechat = WeChatStandIn.start();
        client = new WeChatClient(wechat.baseUrl(), Duration.ofSeconds(2), Duration.ofSeconds(5));
        openid = ((Code2SessionResult.Success) client.code2Session(APP_ID, SECRET, "alice~1")).openid();
        token = ((AccessTokenResult.Success) client.stableToken(APP_ID, SECRET, false)).accessToken();
    }

    @AfterEach
    void stop() {
        wechat.close();
    }

    @Test
    void sendSubscribeMessage_withCredit_isSentAndSpendsIt() {
        wechat.acceptSubscription(openid, TEMPLATE);

        SendResult result = client.sendSubscribeMessage(token, renewal("会员即将到期"));

        assertTrue(assertInstanceOf(SendResult.Sent.class, result).msgid() > (1L << 53));
        assertEquals(0, wechat.credits(openid, TEMPLATE));
    }

    @Test
    void sendSubscribeMessage_twoCredits_oneSendLeavesOne() {
        wechat.acceptSubscription(openid, TEMPLATE);
        wechat.acceptSubscription(openid, TEMPLATE);

        client.sendSubscribeMessage(token, renewal("会员即将到期"));

        assertEquals(1, wechat.credits(openid, TEMPLATE));
    }

    @Test
    void sendSubscribeMessage_withoutCredit_fails43101AndLeavesCredits() {
        wechat.acceptSubscription(openid, "TPL_OTHER");

        SendResult result = client.sendSubscribeMessage(token, renewal("会员即将到期"));

        SendResult.Failure failure = assertInstanceOf(SendResult.Failure.class, result);
        assertEquals(43101, failure.errcode());
        assertTrue(failure.isNoSubscription());
        assertEquals(0, wechat.credits(openid, TEMPLATE));
        assertEquals(1, wechat.credits(openid, "TPL_OTHER"));
    }

    @Test
    void sendSubscribeMessage_thingOverTwentyCharacters_fails47003NamingTheKeyword() {
        wechat.acceptSubscription(openid, TEMPLATE);

        SendResult result = client.sendSubscribeMessage(token, renewal("一二三四五六七八九十一二三四五六七八九十一"));

        SendResult.Failure failure = assertInstanceOf(SendResult.Failure.class, result);
        assertEquals(47003, failure.errcode());
        assertTrue(failure.errmsg().startsWith("argument invalid! data.thing1.value"), failure.errmsg());
        assertEquals(1, wechat.credits(openid, TEMPLATE));
    }

    @Test
    void sendSubscribeMessage_unregisteredTemplate_fails40037() {
        wechat.registerTemplate("TPL_KNOWN");
        wechat.acceptSubscription(openid, TEMPLATE);

        SendResult result = client.sendSubscribeMessage(token, renewal("会员即将到期"));

        assertEquals(40037, assertInstanceOf(SendResult.Failure.class, result).errcode());
    }

    @Test
    void sendSubscribeMessage_unknownToken_fails40001() {
        SendResult result = client.sendSubscribeMessage("86_not-a-token", renewal("会员即将到期"));

        assertTrue(assertInstanceOf(SendResult.Failure.class, result).isTokenInvalid());
    }

    @Test
    void sendSubscribeMessage_fullMessage_arrivesInWireShape() {
        wechat.acceptSubscription(openid, TEMPLATE);
        Map<String, String> data = new LinkedHashMap<>();
        data.put("thing1", "会员即将到期");
        data.put("amount2", "¥99.00");
        data.put("time3", "2025年3月1日 15:01");
        SubscribeMessage message = SubscribeMessage.of(openid, TEMPLATE, data)
                .withPage("pages/renew/index?from=push").withMiniprogramState("trial").withLang("zh_CN");

        SendResult.Sent sent = (SendResult.Sent) client.sendSubscribeMessage(token, message);

        List<ReceivedMessage> received = wechat.messages(Optional.of(openid));
        assertEquals(1, received.size());
        assertEquals(message, received.get(0).message());
        assertEquals(sent.msgid(), received.get(0).msgid());
        assertEquals(List.of("thing1", "amount2", "time3"), List.copyOf(received.get(0).data().keySet()));
    }

    @Test
    void messages_filteredByTouser_includesRefusedSends() {
        client.sendSubscribeMessage(token, renewal("会员即将到期"));
        client.sendSubscribeMessage(token, SubscribeMessage.of("oSomeoneElse0000000000000000", TEMPLATE,
                Map.of("thing1", "x")));

        List<ReceivedMessage> received = wechat.messages(Optional.of(openid));

        assertEquals(1, received.size());
        assertEquals(43101, received.get(0).errcode());
        assertEquals(2, wechat.messages(Optional.empty()).size());
    }

    private SubscribeMessage renewal(String thing) {
        return SubscribeMessage.of(openid, TEMPLATE, Map.of("thing1", thing));
    }
}
