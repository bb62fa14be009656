package com.mplifecycle.aws.http;

import java.util.LinkedHashMap;
import java.util.Map;

import com.mplifecycle.aws.json.PlainJson;

/** JSON answers of the HTTP API; every error carries a status and a reason. */
public final class ApiResponses {
    private static final Map<String, String> JSON_HEADERS = Map.of("content-type", "application/json");

    private ApiResponses() {
    }

    public static ApiResponse json(int status, Object body) {
        return new ApiResponse(status, JSON_HEADERS, PlainJson.writeWithNulls(body));
    }

    public static ApiResponse error(int status, String reason, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", reason);
        body.put("requestId", requestId);
        return json(status, body);
    }

    /** 429 with {@code Retry-After} in whole seconds, and the same in the body as {@code retryAfter}. */
    public static ApiResponse tooManyRequests(String reason, long retryAfterSeconds, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", reason);
        body.put("retryAfter", retryAfterSeconds);
        body.put("requestId", requestId);
        return new ApiResponse(429, Map.of("content-type", "application/json",
                "retry-after", Long.toString(retryAfterSeconds)), PlainJson.writeWithNulls(body));
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, Map.of(), null);
    }
}
