package com.mplifecycle.aws.http;

import java.util.LinkedHashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.mplifecycle.aws.json.PlainJson;

/** JSON answers of the HTTP API; every error carries a status and a reason. */
public final class ApiResponses {
    private static final Map<String, String> JSON_HEADERS = Map.of("content-type", "application/json");

    private ApiResponses() {
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(JSON_HEADERS)
                .withBody(PlainJson.writeWithNulls(body))
                .build();
    }

    public static APIGatewayV2HTTPResponse error(int status, String reason, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", reason);
        body.put("requestId", requestId);
        return json(status, body);
    }

    public static APIGatewayV2HTTPResponse noContent() {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(204).build();
    }
}
