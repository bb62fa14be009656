package com.mplifecycle.aws.secrets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import com.mplifecycle.devtools.clock.SuppliedClock;

class SecretsTest {
    private static final String KEY_1 = "k".repeat(32);
    private static final String KEY_2 = "r".repeat(40);

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T00:00:00Z"));
    private final Clock clock = SuppliedClock.utc(now::get);
    private final AtomicReference<String> document = new AtomicReference<>(document(KEY_1, "shop"));
    private final AtomicInteger reads = new AtomicInteger();
    private final Secrets secrets = Secrets.from(() -> {
        reads.incrementAndGet();
        String d = document.get();
        if (d == null) {
            throw new IllegalStateException("Secrets Manager unreachable");
        }
        return d;
    }, clock);

    private static String document(String key, String... apps) {
        StringBuilder json = new StringBuilder("{\"tokenSigningKey\":\"" + key + "\",\"apps\":{");
        for (int i = 0; i < apps.length; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(apps[i]).append("\":{\"wechatAppId\":\"wx")
                    .append(apps[i]).append("\",\"appSecret\":\"s-").append(apps[i]).append("\"}");
        }
        return json.append("}}").toString();
    }

    @Test
    void app_addedToTheSecret_isFoundAtOnceOnTheFirstMiss() {
        document.set(document(KEY_1, "shop", "newshop"));

        Optional<WeChatAppCredentials> found = secrets.app("newshop");

        assertEquals(Optional.of(new WeChatAppCredentials("wxnewshop", "s-newshop")), found);
        assertEquals(2, reads.get(), "one read at construction, one for the miss");
    }

    @Test
    void app_unknownAppsInABurst_readOncePerInterval() {
        for (int i = 0; i < 50; i++) {
            assertEquals(Optional.empty(), secrets.app("bogus-" + i));
        }
        assertEquals(2, reads.get());

        now.updateAndGet(t -> t.plus(Secrets.MISS_READ_INTERVAL));
        secrets.app("bogus-again");

        assertEquals(3, reads.get());
    }

    @Test
    void tokenSigningKey_rotated_isServedOnceTheCopyIsOlderThanMaxAge() {
        document.set(document(KEY_2, "shop"));
        now.updateAndGet(t -> t.plus(Secrets.MAX_AGE.minusSeconds(1)));
        assertArrayEquals(KEY_1.getBytes(StandardCharsets.UTF_8), secrets.tokenSigningKey());

        now.updateAndGet(t -> t.plus(Duration.ofSeconds(1)));

        assertArrayEquals(KEY_2.getBytes(StandardCharsets.UTF_8), secrets.tokenSigningKey());
        assertEquals(2, reads.get());
    }

    @Test
    void read_failingOrInvalid_keepsTheLastGoodCopyAndTriesAgainSoon() {
        document.set(null);
        now.updateAndGet(t -> t.plus(Secrets.MAX_AGE));
        assertEquals("wxshop", secrets.app("shop").orElseThrow().wechatAppId());
        document.set("{\"tokenSigningKey\":\"short\"}");
        now.updateAndGet(t -> t.plus(Secrets.MISS_READ_INTERVAL));
        assertArrayEquals(KEY_1.getBytes(StandardCharsets.UTF_8), secrets.tokenSigningKey());

        document.set(document(KEY_2, "shop"));
        now.updateAndGet(t -> t.plus(Secrets.MISS_READ_INTERVAL));

        assertArrayEquals(KEY_2.getBytes(StandardCharsets.UTF_8), secrets.tokenSigningKey());
        assertEquals(4, reads.get());
    }

    @Test
    void from_invalidFirstDocument_failsAtOnce() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Secrets.from(() -> "{\"tokenSigningKey\":\"short\"}", clock));

        assertTrue(e.getMessage().contains("at least 32"), e.getMessage());
    }
}
