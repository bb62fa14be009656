package com.mplifecycle.functions.admin;

import java.util.Map;

import com.mplifecycle.aws.http.ApiResponse;
import com.mplifecycle.aws.http.ApiResponses;
import com.mplifecycle.aws.http.JsonBody;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.app.SettingsReader;

/**
 * {@code GET/PUT /v1/apps/{appId}/settings}: the one settings model, {@link AppSettings}. A PUT changes
 * the fields it names ({@link SettingsReader}); an invalid one is a 400 listing every field with its
 * reason, as for campaigns.
 */
final class SettingsRoutes {
    static final int MAX_BODY_BYTES = 8 * 1024;

    private final AppStore apps;

    SettingsRoutes(AppStore apps) {
        this.apps = apps;
    }

    ApiResponse get(AdminRequest request) {
        return ApiResponses.json(200, SettingsBody.view(apps.settingsOrDefaults(request.appId())));
    }

    ApiResponse put(AdminRequest request) {
        Map<String, Object> change = JsonBody.object(request.http().body(), MAX_BODY_BYTES,
                "{\"timeZone\": ..., \"lifecycle\": {...}, \"push\": {...}}");
        SettingsReader.Result result = SettingsReader.read(apps.settingsOrDefaults(request.appId()), change);
        if (result instanceof SettingsReader.Invalid invalid) {
            return InvalidBody.answer("settings", invalid.errors(), request.requestId());
        }
        AppSettings next = ((SettingsReader.Valid) result).settings();
        apps.putSettings(next);
        return ApiResponses.json(200, SettingsBody.view(next));
    }
}
