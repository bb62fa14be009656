package com.mplifecycle.aws.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.mplifecycle.aws.json.Json;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.rfm.RfmRun;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Per-app configuration items of the apps table. Settings are cached per container for a minute:
 * every stream batch needs them and they change rarely.
 */
public final class AppStore {
    static final Duration CACHE_FOR = Duration.ofMinutes(1);
    private static final String DOC = "doc";

    private record Cached(Optional<AppSettings> settings, Instant until) {
    }

    private final DynamoDbClient db;
    private final String table;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public AppStore(DynamoDbClient db, String table, Clock clock) {
        this.db = db;
        this.table = table;
        this.clock = clock;
    }

    public Optional<AppSettings> settings(String appId) {
        Instant now = clock.instant();
        Cached cached = cache.get(appId);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.settings();
        }
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table)
                .key(Map.of(TableKeys.PK, AttributeValue.fromS(appId),
                        TableKeys.SK, AttributeValue.fromS(TableKeys.APP_SETTINGS_SK)))).item();
        Optional<AppSettings> settings = item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(Json.read(item.get(DOC).s(), AppSettings.class));
        cache.put(appId, new Cached(settings, now.plus(CACHE_FOR)));
        return settings;
    }

    /** Settings of an app, or the defaults for an app nobody configured. */
    public AppSettings settingsOrDefaults(String appId) {
        return settings(appId).orElseGet(() -> AppSettings.defaults(appId));
    }

    public void putSettings(AppSettings settings) {
        db.putItem(b -> b.tableName(table).item(Map.of(
                TableKeys.PK, AttributeValue.fromS(settings.appId()),
                TableKeys.SK, AttributeValue.fromS(TableKeys.APP_SETTINGS_SK),
                DOC, AttributeValue.fromS(Json.write(settings)))));
        cache.remove(settings.appId());
    }

    /** Replaces the app's record of its last full RFM/churn run. */
    public void putRfmRun(RfmRun run) {
        db.putItem(b -> b.tableName(table).item(Map.of(
                TableKeys.PK, AttributeValue.fromS(run.appId()),
                TableKeys.SK, AttributeValue.fromS(TableKeys.RFM_LAST_RUN_SK),
                DOC, AttributeValue.fromS(Json.write(run)))));
    }

    public Optional<RfmRun> rfmRun(String appId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(TableKeys.PK, AttributeValue.fromS(appId),
                        TableKeys.SK, AttributeValue.fromS(TableKeys.RFM_LAST_RUN_SK)))).item();
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(Json.read(item.get(DOC).s(), RfmRun.class));
    }
}
