package com.mplifecycle.aws.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CORS for the operators' console, on the admin routes only. An HTTP API's own CORS setting applies
 * to every route of the API (the customers' session and events routes too), so the admin function
 * answers the preflight itself (the template routes {@code OPTIONS /v1/apps/{appId}/{proxy+}} here)
 * and adds the headers to its answers, for the console's one origin and no other. Any other function
 * serving {@code /v1/apps/{appId}/...} routes wraps its answers with {@link #allow} the same way.
 */
public final class ConsoleCors {
    public static final String PREFLIGHT_ROUTE = "OPTIONS /v1/apps/{appId}/{proxy+}";
    private final String origin;

    /** @param origin the console's origin ({@code https://host}), or null for none (no cross-origin use) */
    public ConsoleCors(String origin) {
        this.origin = origin;
    }

    public static boolean isPreflight(ApiRequest http) {
        return "OPTIONS".equals(http.method());
    }

    /** 204; with the allowing headers only for the console's origin (a browser then refuses the rest). */
    public ApiResponse preflight(ApiRequest http) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (allowed(http)) {
            headers.putAll(base());
            headers.put("access-control-allow-methods", "GET, PUT, POST, PATCH, DELETE");
            headers.put("access-control-allow-headers", "authorization, content-type, accept");
            headers.put("access-control-max-age", "600");
        }
        headers.put("vary", "origin");
        return new ApiResponse(204, headers, null);
    }

    public ApiResponse allow(ApiRequest http, ApiResponse response) {
        if (!allowed(http)) {
            return response;
        }
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        headers.putAll(base());
        return new ApiResponse(response.statusCode(), headers, response.body());
    }

    private boolean allowed(ApiRequest http) {
        return origin != null && http.header("origin").map(origin::equals).orElse(false);
    }

    private Map<String, String> base() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("access-control-allow-origin", origin);
        headers.put("access-control-expose-headers", "x-next-cursor, content-disposition");
        headers.put("vary", "origin");
        return headers;
    }
}
