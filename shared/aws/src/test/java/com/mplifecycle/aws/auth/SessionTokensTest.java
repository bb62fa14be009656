package com.mplifecycle.aws.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class SessionTokensTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-03-01T04:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final SessionTokens tokens = new SessionTokens(KEY, CLOCK);

    @Test
    void verify_issuedToken_givesItsClaims() {
        SessionClaims claims = tokens.verify(tokens.issue("shop", "c_1", "o-1"));

        assertEquals("shop", claims.appId());
        assertEquals("c_1", claims.customerId());
        assertEquals("o-1", claims.openid());
        assertEquals(NOW.plus(SessionTokens.LIFETIME), claims.expiresAt());
    }

    @Test
    void verify_afterTheKeyIsRotated_acceptsTheNewKeysTokensOnly() {
        byte[] rotated = "rotated-key-rotated-key-rotated-key!".getBytes(StandardCharsets.UTF_8);
        java.util.concurrent.atomic.AtomicReference<byte[]> key = new java.util.concurrent.atomic.AtomicReference<>(KEY);
        SessionTokens live = new SessionTokens(key::get, CLOCK);
        String before = live.issue("shop", "c_r", "o-r");

        key.set(rotated);
        String after = live.issue("shop", "c_r", "o-r");

        assertEquals("c_r", live.verify(after).customerId());
        assertEquals("c_r", new SessionTokens(rotated, CLOCK).verify(after).customerId());
        assertEquals("bad token signature", assertThrows(TokenRejectedException.class, () -> live.verify(before))
                .getMessage());
    }

    @Test
    void verify_otherHeaderSpellingOfHs256_isReadAndAccepted() {
        String token = signed("{\"typ\":\"JWT\", \"alg\":\"HS256\"}", payloadOf(tokens.issue("shop", "c_2", "o-2")), KEY);

        assertEquals("c_2", tokens.verify(token).customerId());
    }

    @Test
    void verify_headerOfAnotherAlgorithm_isRejected() {
        String payload = payloadOf(tokens.issue("shop", "c_3", "o-3"));

        assertEquals("unsupported token algorithm", assertThrows(TokenRejectedException.class,
                () -> tokens.verify(signed("{\"alg\":\"none\",\"typ\":\"JWT\"}", payload, KEY))).getMessage());
        assertEquals("unsupported token algorithm", assertThrows(TokenRejectedException.class,
                () -> tokens.verify(signed("{\"alg\":\"HS384\"}", payload, KEY))).getMessage());
        assertEquals("malformed token", assertThrows(TokenRejectedException.class,
                () -> tokens.verify(signed("[1]", payload, KEY))).getMessage());
    }

    @Test
    void verify_tamperedPayloadOrOtherKey_isRejected() {
        String token = tokens.issue("shop", "c_4", "o-4");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + B64.encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8).replace("c_4", "c_5").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        SessionTokens otherKey = new SessionTokens("another-key-another-key-another-k".getBytes(StandardCharsets.UTF_8),
                CLOCK);

        assertEquals("bad token signature", assertThrows(TokenRejectedException.class, () -> tokens.verify(forged))
                .getMessage());
        assertEquals("bad token signature", assertThrows(TokenRejectedException.class,
                () -> otherKey.verify(token)).getMessage());
    }

    @Test
    void verify_expiredOrFromTheFuture_isRejected() {
        String old = new SessionTokens(KEY, Clock.fixed(NOW.minus(Duration.ofHours(3)), ZoneOffset.UTC))
                .issue("shop", "c_6", "o-6");
        String future = new SessionTokens(KEY, Clock.fixed(NOW.plus(Duration.ofMinutes(5)), ZoneOffset.UTC))
                .issue("shop", "c_7", "o-7");

        assertEquals("expired token", assertThrows(TokenRejectedException.class, () -> tokens.verify(old)).getMessage());
        assertEquals("token issued in the future", assertThrows(TokenRejectedException.class,
                () -> tokens.verify(future)).getMessage());
    }

    /** One instance serves concurrent requests in the local runtime: each thread signs with its own Mac. */
    @Test
    void verify_manyThreadsAtOnce_eachGetsItsOwnCustomer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String customer = "c_" + i;
                results.add(pool.submit(() -> tokens.verify(tokens.issue("shop", customer, "o")).customerId()));
            }
            for (int i = 0; i < results.size(); i++) {
                assertEquals("c_" + i, results.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String payloadOf(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private static String signed(String header, String payload, byte[] key) {
        String input = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
