package com.mplifecycle.aws.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mplifecycle.devtools.wechat.WeChatStandIn;

class WeChatClientLoginTest {
    private static final String APP_ID = "wx1234567890abcdef";
    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    private WeChatStandIn wechat;
    private WeChatClient client;

    @BeforeEach
    void start() {
        wechat = WeChatStandIn.start();
        client = new WeChatClient(wechat.baseUrl(), Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        wechat.close();
    }

    @Test
    void code2Session_freshCode_returnsDeterministicOpenid() {
        Code2SessionResult result = client.code2Session(APP_ID, SECRET, "alice~1");

        Code2SessionResult.Success success = assertInstanceOf(Code2SessionResult.Success.class, result);
        assertEquals(WeChatStandIn.openIdFor(APP_ID, "alice~1"), success.openid());
        assertEquals(28, success.openid().length());
        assertTrue(success.openid().startsWith("o"));
        assertNull(success.unionid());
    }

    @Test
    void code2Session_twoCodesOfOneUser_returnSameOpenid() {
        Code2SessionResult first = client.code2Session(APP_ID, SECRET, "alice~1");
        Code2SessionResult second = client.code2Session(APP_ID, SECRET, "alice~2");

        assertEquals(first, second);
    }

    @Test
    void code2Session_reusedCode_fails40163WithRid() {
        client.code2Session(APP_ID, SECRET, "bob~1");

        Code2SessionResult result = client.code2Session(APP_ID, SECRET, "bob~1");

        Code2SessionResult.Failure failure = assertInstanceOf(Code2SessionResult.Failure.class, result);
        assertEquals(40163, failure.errcode());
        assertTrue(failure.errmsg().startsWith("code been used"), failure.errmsg());
        assertTrue(failure.rid().isPresent(), failure.errmsg());
    }

    @Test
    void code2Session_invalidCode_fails40029() {
        Code2SessionResult result = client.code2Session(APP_ID, SECRET, "invalid-expired");

        assertEquals(40029, assertInstanceOf(Code2SessionResult.Failure.class, result).errcode());
    }

    @Test
    void code2Session_unknownAppWhenAppsRegistered_fails40013() {
        wechat.registerApp(APP_ID, SECRET);

        Code2SessionResult result = client.code2Session("wxother", SECRET, "carol~1");

        assertEquals(40013, assertInstanceOf(Code2SessionResult.Failure.class, result).errcode());
    }

    @Test
    void code2Session_wrongSecretWhenAppsRegistered_fails40125() {
        wechat.registerApp(APP_ID, SECRET);

        Code2SessionResult result = client.code2Session(APP_ID, "wrong-secret", "carol~1");

        assertEquals(40125, assertInstanceOf(Code2SessionResult.Failure.class, result).errcode());
    }

    @Test
    void code2Session_anyCall_recordsRequestWithSecretRedacted() {
        client.code2Session(APP_ID, SECRET, "dave~1");

        var request = wechat.recordedCalls().get(0).request();
        assertEquals("***", request.get("secret"));
        assertEquals("dave~1", request.get("js_code"));
        assertEquals("authorization_code", request.get("grant_type"));
    }

    @Test
    void toString_success_hidesOpenid() {
        Code2SessionResult result = client.code2Session(APP_ID, SECRET, "erin~1");

        assertTrue(!result.toString().contains(WeChatStandIn.openIdFor(APP_ID, "erin~1")), result.toString());
    }
}
