package com.mplifecycle.aws.wechat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.mplifecycle.aws.secrets.WeChatAppCredentials;
import com.mplifecycle.aws.store.TableKeys;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Each app's WeChat access token, cached centrally: one item of the apps table ({@code wechatToken}:
 * the token and when to stop using it) that every container reads, plus a copy in memory until then.
 * Only one caller at a time refreshes it, under a lock item ({@code wechatToken#lock}) taken with a
 * conditional write that expires by itself if its holder dies; the others wait for its result.
 * Tokens come from {@code stable_token} without force refresh, used until {@link #MARGIN} before their
 * expiry (WeChat rotates a stable token in its last 5 minutes).
 *
 * <p>Thread-safe. {@link #invalidate} drops a token WeChat called invalid (40001/40014/42001) only if
 * the cache still holds that token, so a late caller cannot throw away a fresh one.
 */
public final class AccessTokenCache {
    static final Duration MARGIN = Duration.ofSeconds(300);
    static final Duration MIN_USE = Duration.ofSeconds(60);
    static final Duration LOCK_FOR = Duration.ofSeconds(10);
    static final int WAIT_ROUNDS = 50;
    static final long WAIT_MILLIS = 100;
    private static final String TOKEN = "tok";
    private static final String UNTIL = "until";

    /** No token: WeChat refused ({@code errcode}) or another caller's refresh did not finish in time (0). */
    public static final class TokenUnavailableException extends RuntimeException {
        private final int errcode;

        TokenUnavailableException(int errcode, String reason) {
            super("no WeChat access token: " + reason);
            this.errcode = errcode;
        }

        public int errcode() {
            return errcode;
        }
    }

    private record Cached(String token, Instant until) {
    }

    private final DynamoDbClient db;
    private final String table;
    private final WeChatClient wechat;
    private final Clock clock;
    private final Map<String, Cached> memory = new ConcurrentHashMap<>();

    public AccessTokenCache(DynamoDbClient db, String appsTable, WeChatClient wechat, Clock clock) {
        this.db = db;
        this.table = appsTable;
        this.wechat = wechat;
        this.clock = clock;
    }

    /** A usable token for the app, fetched through the shared item when needed. */
    public String token(String appId, WeChatAppCredentials credentials) {
        Cached local = memory.get(appId);
        if (local != null && clock.instant().isBefore(local.until())) {
            return local.token();
        }
        for (int round = 0; round < WAIT_ROUNDS; round++) {
            Optional<Cached> shared = readShared(appId);
            if (shared.isPresent()) {
                memory.put(appId, shared.get());
                return shared.get().token();
            }
            if (lock(appId)) {
                try {
                    return refresh(appId, credentials);
                } finally {
                    unlock(appId);
                }
            }
            pause();
        }
        throw new TokenUnavailableException(0, "another caller is refreshing the token");
    }

    /** Forgets {@code failing} here and in the shared item, unless the item already holds another token. */
    public void invalidate(String appId, String failing) {
        memory.computeIfPresent(appId, (k, v) -> v.token().equals(failing) ? null : v);
        try {
            db.deleteItem(b -> b.tableName(table).key(key(appId, TableKeys.WECHAT_TOKEN_SK))
                    .conditionExpression("#t = :t").expressionAttributeNames(Map.of("#t", TOKEN))
                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(failing))));
        } catch (ConditionalCheckFailedException e) {
            // someone already replaced it: keep theirs
        }
    }

    private String refresh(String appId, WeChatAppCredentials credentials) {
        Optional<Cached> again = readShared(appId);  // the lock's previous holder may have just written one
        if (again.isPresent()) {
            memory.put(appId, again.get());
            return again.get().token();
        }
        AccessTokenResult result = wechat.stableToken(credentials.wechatAppId(), credentials.appSecret(), false);
        if (result instanceof AccessTokenResult.Failure) {
            AccessTokenResult.Failure failure = (AccessTokenResult.Failure) result;
            throw new TokenUnavailableException(failure.errcode(), "stable_token answered " + failure.errcode());
        }
        AccessTokenResult.Success success = (AccessTokenResult.Success) result;
        Duration use = Duration.ofSeconds(success.expiresInSeconds()).minus(MARGIN);
        Instant until = clock.instant().plus(use.compareTo(MIN_USE) < 0 ? MIN_USE : use);
        db.putItem(b -> b.tableName(table).item(Map.of(
                TableKeys.PK, AttributeValue.fromS(appId),
                TableKeys.SK, AttributeValue.fromS(TableKeys.WECHAT_TOKEN_SK),
                TOKEN, AttributeValue.fromS(success.accessToken()),
                UNTIL, AttributeValue.fromN(Long.toString(until.toEpochMilli())),
                TableKeys.EXPIRES, AttributeValue.fromN(Long.toString(until.plus(Duration.ofDays(1)).getEpochSecond())))));
        memory.put(appId, new Cached(success.accessToken(), until));
        return success.accessToken();
    }

    private Optional<Cached> readShared(String appId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(appId, TableKeys.WECHAT_TOKEN_SK))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Instant until = Instant.ofEpochMilli(Long.parseLong(item.get(UNTIL).n()));
        return clock.instant().isBefore(until) ? Optional.of(new Cached(item.get(TOKEN).s(), until)) : Optional.empty();
    }

    private boolean lock(String appId) {
        Instant now = clock.instant();
        try {
            db.putItem(b -> b.tableName(table).item(Map.of(
                    TableKeys.PK, AttributeValue.fromS(appId),
                    TableKeys.SK, AttributeValue.fromS(TableKeys.WECHAT_TOKEN_LOCK_SK),
                    UNTIL, AttributeValue.fromN(Long.toString(now.plus(LOCK_FOR).toEpochMilli())),
                    TableKeys.EXPIRES, AttributeValue.fromN(Long.toString(now.plus(Duration.ofDays(1)).getEpochSecond()))))
                    .conditionExpression("attribute_not_exists(#pk) OR #until < :now")
                    .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#until", UNTIL))
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now.toEpochMilli())))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private void unlock(String appId) {
        db.deleteItem(b -> b.tableName(table).key(key(appId, TableKeys.WECHAT_TOKEN_LOCK_SK)));
    }

    private static void pause() {
        try {
            Thread.sleep(WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenUnavailableException(0, "interrupted while waiting for the token");
        }
    }

    private static Map<String, AttributeValue> key(String appId, String sk) {
        return Map.of(TableKeys.PK, AttributeValue.fromS(appId), TableKeys.SK, AttributeValue.fromS(sk));
    }
}
