package com.mplifecycle.aws.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mplifecycle.devtools.wechat.WeChatStandIn;
import com.mplifecycle.domain.wechat.SubscribeMessage;

class WeChatClientTokenTest {
    private static final String APP_ID = "wx1234567890abcdef";
    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private WeChatStandIn wechat;
    private WeChatClient client;

    @BeforeEach
    void start() {
        wechat = WeChatStandIn.start(now::get, 0);
        wechat.enforceCredits(false);
        client = new WeChatClient(wechat.baseUrl(), Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        wechat.close();
    }

    @Test
    void stableToken_firstCall_lastsTwoHours() {
        AccessTokenResult.Success token = fetch(false);

        assertEquals(7200, token.expiresInSeconds());
    }

    @Test
    void stableToken_calledAgainWhileValid_returnsSameTokenWithLessTime() {
        AccessTokenResult.Success first = fetch(false);
        now.set(T0.plus(Duration.ofHours(1)));

        AccessTokenResult.Success second = fetch(false);

        assertEquals(first.accessToken(), second.accessToken());
        assertEquals(3600, second.expiresInSeconds());
    }

    @Test
    void stableToken_inLastFiveMinutes_rotatesAndOldStaysValidUntilExpiry() {
        AccessTokenResult.Success first = fetch(false);
        now.set(T0.plusSeconds(7200 - 299));

        AccessTokenResult.Success rotated = fetch(false);

        assertNotEquals(first.accessToken(), rotated.accessToken());
        assertEquals(7200, rotated.expiresInSeconds());
        assertInstanceOf(SendResult.Sent.class, send(first.accessToken()));
        assertInstanceOf(SendResult.Sent.class, send(rotated.accessToken()));
    }

    @Test
    void sendSubscribeMessage_tokenPastExpiry_fails42001() {
        AccessTokenResult.Success token = fetch(false);
        now.set(T0.plusSeconds(7200));

        SendResult result = send(token.accessToken());

        SendResult.Failure failure = assertInstanceOf(SendResult.Failure.class, result);
        assertEquals(42001, failure.errcode());
        assertTrue(failure.isTokenInvalid());
    }

    @Test
    void stableToken_forceRefresh_rotatesAtOnceAndRevokesOld() {
        AccessTokenResult.Success first = fetch(false);

        AccessTokenResult.Success forced = fetch(true);

        assertNotEquals(first.accessToken(), forced.accessToken());
        assertEquals(40001, assertInstanceOf(SendResult.Failure.class, send(first.accessToken())).errcode());
        assertInstanceOf(SendResult.Sent.class, send(forced.accessToken()));
    }

    @Test
    void stableToken_afterForceRefresh_returnsForcedToken() {
        fetch(false);
        AccessTokenResult.Success forced = fetch(true);

        assertEquals(forced.accessToken(), fetch(false).accessToken());
    }

    @Test
    void stableToken_wrongSecretWhenAppsRegistered_fails40125() {
        wechat.registerApp(APP_ID, SECRET);

        AccessTokenResult result = client.stableToken(APP_ID, "wrong", false);

        assertEquals(40125, assertInstanceOf(AccessTokenResult.Failure.class, result).errcode());
    }

    @Test
    void toString_success_hidesToken() {
        AccessTokenResult.Success token = fetch(false);

        assertTrue(!token.toString().contains(token.accessToken()), token.toString());
    }

    private AccessTokenResult.Success fetch(boolean forceRefresh) {
        return assertInstanceOf(AccessTokenResult.Success.class, client.stableToken(APP_ID, SECRET, forceRefresh));
    }

    private SendResult send(String accessToken) {
        return client.sendSubscribeMessage(accessToken,
                SubscribeMessage.of("oAbCdEfGhIjKlMnOpQrStUvWxYz1", "TPL_RENEWAL", Map.of("thing1", "会员即将到期")));
    }
}
