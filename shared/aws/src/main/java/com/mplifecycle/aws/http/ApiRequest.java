package com.mplifecycle.aws.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.mplifecycle.aws.json.PlainJson;

/**
 * One HTTP API request as API Gateway hands it to a function (payload format 2.0), read straight
 * from the invocation's JSON: the HTTP functions are stream handlers, so Lambda's serialization
 * library and its typed event classes stay out of their cold start and their per-request CPU.
 *
 * @param requestId       API Gateway's request id ({@code requestContext.requestId}), used in logs and errors
 * @param routeKey        the matched route, {@code "POST /v1/events"}
 * @param method          {@code requestContext.http.method}
 * @param headers         header names in lower case, as API Gateway sends them (repeated headers comma-joined)
 * @param pathParameters  the route's {@code {name}} parts
 * @param queryParameters the query string's parameters
 * @param rawBody         the body as sent in the event: text, or base64 when {@code base64Encoded}
 */
public record ApiRequest(String requestId, String routeKey, String method, Map<String, String> headers,
                         Map<String, String> pathParameters, Map<String, String> queryParameters,
                         String rawBody, boolean base64Encoded) {
    /** Far above API Gateway's 10 MB payload limit: what is larger is not an HTTP API event. */
    static final int MAX_EVENT_BYTES = 16 * 1024 * 1024;

    public ApiRequest {
        requestId = requestId == null || requestId.isEmpty() ? UUID.randomUUID().toString() : requestId;
        routeKey = routeKey == null ? "" : routeKey;
        method = method == null ? "" : method;
        headers = lowerCaseKeys(headers);
        pathParameters = pathParameters == null ? Map.of() : Map.copyOf(pathParameters);
        queryParameters = queryParameters == null ? Map.of() : Map.copyOf(queryParameters);
    }

    /**
     * The request of an invocation's event JSON.
     *
     * @throws BadRequestException (400) when the input is not an HTTP API payload 2.0 event
     */
    public static ApiRequest read(InputStream event) throws IOException {
        byte[] json = event.readNBytes(MAX_EVENT_BYTES + 1);
        if (json.length > MAX_EVENT_BYTES) {
            throw new BadRequestException(413, "event is larger than any HTTP API event");
        }
        return parse(json);
    }

    /** As {@link #read}, from the event's bytes. */
    public static ApiRequest parse(byte[] eventJson) {
        Object value;
        try {
            value = PlainJson.read(eventJson);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(400, "event is not JSON");
        }
        if (!(value instanceof Map<?, ?> event)) {
            throw new BadRequestException(400, "event is not an HTTP API payload");
        }
        Map<?, ?> context = object(event.get("requestContext"), "requestContext");
        Map<?, ?> http = object(context.get("http"), "requestContext.http");
        Object body = event.get("body");
        if (body != null && !(body instanceof String)) {
            throw new BadRequestException(400, "event body is not a string");
        }
        return new ApiRequest(text(context.get("requestId")), text(event.get("routeKey")), text(http.get("method")),
                strings(event.get("headers"), "headers"), strings(event.get("pathParameters"), "pathParameters"),
                strings(event.get("queryStringParameters"), "queryStringParameters"), (String) body,
                Boolean.TRUE.equals(event.get("isBase64Encoded")));
    }

    /** The body as bytes, decoding base64 when API Gateway encoded it; null when there is none. */
    public byte[] body() {
        if (rawBody == null) {
            return null;
        }
        if (base64Encoded) {
            try {
                return Base64.getDecoder().decode(rawBody);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(400, "body is not valid base64");
            }
        }
        return rawBody.getBytes(StandardCharsets.UTF_8);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The token of an {@code Authorization: Bearer <token>} header, if present and well formed. */
    public Optional<String> bearerToken() {
        return header("authorization").map(String::trim)
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim())
                .filter(t -> !t.isEmpty());
    }

    public Optional<String> pathParameter(String name) {
        return Optional.ofNullable(pathParameters.get(name));
    }

    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(queryParameters.get(name));
    }

    private static Map<?, ?> object(Object value, String what) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new BadRequestException(400, "event " + what + " is not an object");
        }
        return map;
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }

    /** A map of strings; API Gateway sends none of these with other values. */
    private static Map<String, String> strings(Object value, String what) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : object(value, what).entrySet()) {
            if (!(e.getValue() instanceof String s)) {
                throw new BadRequestException(400, "event " + what + "." + e.getKey() + " is not a string");
            }
            out.put((String) e.getKey(), s);
        }
        return out;
    }

    private static Map<String, String> lowerCaseKeys(Map<String, String> headers) {
        if (headers == null || headers.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((k, v) -> out.merge(k.toLowerCase(Locale.ROOT), v, (a, b) -> a + "," + b));
        return java.util.Collections.unmodifiableMap(out);
    }
}
