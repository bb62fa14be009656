package com.mplifecycle.aws.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import com.mplifecycle.aws.store.TableKeys;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Admin keys per app, stored only as SHA-256 hashes in the apps table. A presented key is hashed
 * and looked up: unknown → {@link Access#UNKNOWN_KEY} (401), another app's → {@link Access#OTHER_APP}
 * (403). The app comparison is constant-time; the lookup is by hash, which leaks nothing useful.
 */
public final class AdminKeys {
    /** What a presented key grants for an app. */
    public enum Access {
        /** The key belongs to this app. */
        GRANTED,
        /** No such key. */
        UNKNOWN_KEY,
        /** The key belongs to another app. */
        OTHER_APP
    }

    static final String APP = "app";
    static final String CREATED_AT = "createdAt";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DynamoDbClient db;
    private final String table;
    private final Clock clock;

    public AdminKeys(DynamoDbClient db, String table, Clock clock) {
        this.db = db;
        this.table = table;
        this.clock = clock;
    }

    /** Creates a new random key for the app and returns it; only its hash is stored. */
    public String create(String appId) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String key = "mk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        register(appId, key);
        return key;
    }

    /** Stores a key chosen by the operator (at least 16 characters). */
    public void register(String appId, String key) {
        if (key == null || key.length() < 16) {
            throw new IllegalArgumentException("an admin key has at least 16 characters");
        }
        db.putItem(b -> b.tableName(table).item(Map.of(
                TableKeys.PK, AttributeValue.fromS(TableKeys.adminKey(sha256(key))),
                TableKeys.SK, AttributeValue.fromS(TableKeys.ADMIN_KEY_SK),
                APP, AttributeValue.fromS(appId),
                CREATED_AT, AttributeValue.fromS(clock.instant().toString()))));
    }

    public Access check(String appId, String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty() || presentedKey.length() > 256) {
            return Access.UNKNOWN_KEY;
        }
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table).key(Map.of(
                TableKeys.PK, AttributeValue.fromS(TableKeys.adminKey(sha256(presentedKey))),
                TableKeys.SK, AttributeValue.fromS(TableKeys.ADMIN_KEY_SK)))).item();
        if (item == null || item.isEmpty()) {
            return Access.UNKNOWN_KEY;
        }
        boolean same = MessageDigest.isEqual(item.get(APP).s().getBytes(StandardCharsets.UTF_8),
                appId.getBytes(StandardCharsets.UTF_8));
        return same ? Access.GRANTED : Access.OTHER_APP;
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
