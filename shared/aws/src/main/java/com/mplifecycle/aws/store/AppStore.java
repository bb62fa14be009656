package com.mplifecycle.aws.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.rfm.RfmRun;
import com.mplifecycle.domain.stats.StageDay;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Per-app configuration items of the apps table. Settings are cached per container for a minute:
 * every stream batch needs them and they change rarely.
 */
public final class AppStore {
    /** How long a container keeps an app's configuration: settings here, campaigns in dispatch. */
    public static final Duration CACHE_FOR = Duration.ofMinutes(1);

    private record Cached(Optional<AppSettings> settings, Instant until) {
    }

    private final AppDocuments documents;
    private final StageHistoryStore stageHistory;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public AppStore(DynamoDbClient db, String table, Clock clock) {
        this.documents = new AppDocuments(db, table);
        this.stageHistory = new StageHistoryStore(db, table);
        this.clock = clock;
    }

    public Optional<AppSettings> settings(String appId) {
        Instant now = clock.instant();
        Cached cached = cache.get(appId);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.settings();
        }
        Optional<AppSettings> settings = documents.get(appId, TableKeys.APP_SETTINGS_SK, AppSettings.class, false);
        cache.put(appId, new Cached(settings, now.plus(CACHE_FOR)));
        return settings;
    }

    /** Settings of an app, or the defaults for an app nobody configured. */
    public AppSettings settingsOrDefaults(String appId) {
        return settings(appId).orElseGet(() -> AppSettings.defaults(appId));
    }

    public void putSettings(AppSettings settings) {
        documents.put(settings.appId(), TableKeys.APP_SETTINGS_SK, settings);
        cache.remove(settings.appId());
    }

    /** Replaces the app's record of its last full RFM/churn run, and keeps its stage counts as its day's. */
    public void putRfmRun(RfmRun run) {
        stageHistory.put(run.appId(), new StageDay(run.asOf(), run.ranAt(), run.stageCounts()));
        documents.put(run.appId(), TableKeys.RFM_LAST_RUN_SK, run);
    }

    public Optional<RfmRun> rfmRun(String appId) {
        return documents.get(appId, TableKeys.RFM_LAST_RUN_SK, RfmRun.class, true);
    }
}
