package com.mplifecycle.functions.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.http.ApiResponse;
import com.mplifecycle.aws.http.ApiResponses;
import com.mplifecycle.aws.http.JsonBody;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.domain.app.AppSettings;

/** {@code GET/PUT /v1/apps/{appId}/settings}: the one settings model, {@link AppSettings}. */
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
        JsonNode body = Json.MAPPER.valueToTree(JsonBody.object(request.http().body(), MAX_BODY_BYTES,
                "{\"timeZone\": ..., \"lifecycle\": {...}, \"push\": {...}}"));
        AppSettings next = SettingsBody.apply(apps.settingsOrDefaults(request.appId()), body);
        apps.putSettings(next);
        return ApiResponses.json(200, SettingsBody.view(next));
    }
}
