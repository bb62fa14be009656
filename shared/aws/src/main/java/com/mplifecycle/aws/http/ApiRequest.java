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

import com.mplifecycle.aws.json.Jsonbs;

import io.avaje.jsonb.Json;
import io.avaje.jsonb.JsonType;

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
    public ApiRequest {
        requestId = requestId == null || requestId.isEmpty() ? UUID.randomUUID().toString() : requestId;
        routeKey = routeKey == null ? "" : routeKey;
        method = method == null ? "" : method;
        headers = lowerCaseKeys(headers);
        pathParameters = pathParameters == null ? Map.of() : Map.copyOf(pathParameters);
        queryParameters = queryParameters == null ? Map.of() : Map.copyOf(queryParameters);
    }

    /**
     * The request of an invocation's event JSON (Lambda bounds it: 6 MB per invocation).
     *
     * @throws BadRequestException (400) when the input is not an HTTP API payload 2.0 event
     */
    public static ApiRequest read(InputStream event) throws IOException {
        return parse(event.readAllBytes());
    }

    /**
     * As {@link #read}, from the event's bytes, through the adapter generated for {@link HttpApiEvent}
     * (the fields above; the rest of the event is skipped).
     */
    public static ApiRequest parse(byte[] eventJson) {
        HttpApiEvent e;
        try {
            e = EVENTS.fromJson(eventJson);
        } catch (RuntimeException ex) {
            // the parser's errors, and what it throws on some truncated input
            throw new BadRequestException(400, "event is not an HTTP API payload: " + ex.getMessage());
        }
        if (e == null) {
            throw new BadRequestException(400, "event is not an HTTP API payload");
        }
        RequestContext context = e.requestContext();
        return new ApiRequest(context == null ? null : context.requestId(), e.routeKey(),
                context == null || context.http() == null ? null : context.http().method(), e.headers(),
                e.pathParameters(), e.queryStringParameters(), e.body(), e.isBase64Encoded());
    }

    /** The part of an HTTP API payload 2.0 event the functions use. */
    @Json
    record HttpApiEvent(String routeKey, Map<String, String> headers, Map<String, String> pathParameters,
                        Map<String, String> queryStringParameters, String body, boolean isBase64Encoded,
                        RequestContext requestContext) {
    }

    @Json
    record RequestContext(String requestId, Http http) {
    }

    @Json
    record Http(String method) {
    }

    private static final JsonType<HttpApiEvent> EVENTS = Jsonbs.JSONB.type(HttpApiEvent.class);

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

    private static Map<String, String> lowerCaseKeys(Map<String, String> headers) {
        if (headers == null || headers.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((k, v) -> out.merge(k.toLowerCase(Locale.ROOT), v, (a, b) -> a + "," + b));
        return java.util.Collections.unmodifiableMap(out);
    }
}
