package com.mplifecycle.aws.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.mplifecycle.devtools.wechat.WeChatStandIn;
import com.mplifecycle.domain.wechat.SubscribeMessage;

class WeChatClientFaultTest {
    private static final String APP_ID = "wx1234567890abcdef";
    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final String TEMPLATE = "TPL_RENEWAL";
    /** Only for the delay tests: short enough to expire during an injected delay of 3 s. */
    private static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(500);

    private WeChatStandIn wechat;
    private WeChatClient client;
    private WeChatClient impatientClient;
    private String openid;
    private String token;

    @BeforeEach
    void start() {
        wechat = WeChatStandIn.start();
        wechat.enforceCredits(false);
        client = new WeChatClient(wechat.baseUrl(), Duration.ofSeconds(2), Duration.ofSeconds(10));
        impatientClient = new WeChatClient(wechat.baseUrl(), Duration.ofSeconds(2), SHORT_READ_TIMEOUT);
        openid = ((Code2SessionResult.Success) client.code2Session(APP_ID, SECRET, "alice~1")).openid();
        token = ((AccessTokenResult.Success) client.stableToken(APP_ID, SECRET, false)).accessToken();
    }

    @AfterEach
    void stop() {
        wechat.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 45009})
    void sendSubscribeMessage_busyFaultForTwoCalls_failsRetryableTwiceThenSends(int errcode) {
        wechat.injectFaultJson("{\"api\":\"subscribe_send\",\"errcode\":" + errcode + ",\"count\":2}");

        SendResult first = send();
        SendResult second = send();
        SendResult third = send();

        assertEquals(errcode, assertInstanceOf(SendResult.Failure.class, first).errcode());
        assertTrue(assertInstanceOf(SendResult.Failure.class, second).isRetryableLater());
        assertInstanceOf(SendResult.Sent.class, third);
    }

    @Test
    void sendSubscribeMessage_tokenFaultOnce_failsTokenInvalidThenSends() {
        wechat.injectFaultJson("{\"api\":\"subscribe_send\",\"errcode\":40001}");

        SendResult.Failure failure = assertInstanceOf(SendResult.Failure.class, send());

        assertTrue(failure.isTokenInvalid());
        assertFalse(failure.isRetryableLater());
        assertTrue(failure.rid().isPresent());
        assertInstanceOf(SendResult.Sent.class, send());
    }

    @Test
    void sendSubscribeMessage_faultOnOtherApi_isUnaffected() {
        wechat.injectFaultJson("{\"api\":\"stable_token\",\"errcode\":-1}");

        assertInstanceOf(SendResult.Sent.class, send());
        assertInstanceOf(AccessTokenResult.Failure.class, client.stableToken(APP_ID, SECRET, false));
    }

    @Test
    void code2Session_http500Fault_throwsUnavailableWithoutSecretOrCode() {
        wechat.injectFaultJson("{\"api\":\"any\",\"httpStatus\":500,\"count\":1}");

        WeChatUnavailableException thrown = assertThrows(WeChatUnavailableException.class,
                () -> client.code2Session(APP_ID, SECRET, "bob~1"));

        assertTrue(thrown.getMessage().contains("HTTP 500"), thrown.getMessage());
        assertEquals("jscode2session", thrown.api());
        assertNoSecretsIn(thrown);
        assertFalse(thrown.getMessage().contains("bob~1"));
    }

    @Test
    void stableToken_http502Fault_throwsUnavailableThenRecovers() {
        wechat.injectFaultJson("{\"api\":\"stable_token\",\"httpStatus\":502}");

        assertThrows(WeChatUnavailableException.class, () -> client.stableToken(APP_ID, SECRET, false));
        assertInstanceOf(AccessTokenResult.Success.class, client.stableToken(APP_ID, SECRET, false));
    }

    @Test
    void sendSubscribeMessage_delayBeyondReadTimeout_throwsUnavailableWithoutTokenOrOpenid() {
        wechat.injectFaultJson("{\"api\":\"subscribe_send\",\"delayMs\":3000}");

        WeChatUnavailableException thrown = assertThrows(WeChatUnavailableException.class,
                () -> impatientClient.sendSubscribeMessage(token, message()));

        assertTrue(thrown.getMessage().contains("timed out"), thrown.getMessage());
        assertNoSecretsIn(thrown);
    }

    @Test
    void stableToken_delayBeyondReadTimeout_throwsUnavailableWithoutSecret() {
        wechat.injectFaultJson("{\"api\":\"stable_token\",\"delayMs\":3000}");

        WeChatUnavailableException thrown = assertThrows(WeChatUnavailableException.class,
                () -> impatientClient.stableToken(APP_ID, SECRET, false));

        assertNoSecretsIn(thrown);
    }

    @Test
    void sendSubscribeMessage_serverGone_throwsUnavailableWithoutTokenOrOpenid() {
        wechat.close();

        WeChatUnavailableException thrown = assertThrows(WeChatUnavailableException.class, this::send);

        assertNoSecretsIn(thrown);
    }

    @Test
    void clearFaults_pendingFault_isDropped() {
        wechat.injectFaultJson("{\"api\":\"any\",\"errcode\":-1,\"count\":5}");

        wechat.clearFaults();

        assertInstanceOf(SendResult.Sent.class, send());
    }

    private SendResult send() {
        return client.sendSubscribeMessage(token, message());
    }

    private SubscribeMessage message() {
        return SubscribeMessage.of(openid, TEMPLATE, Map.of("thing1", "会员即将到期"));
    }

    private void assertNoSecretsIn(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            for (String secret : new String[] {SECRET, token, openid}) {
                assertFalse(message.contains(secret), () -> "leaked into: " + message);
            }
        }
    }
}
