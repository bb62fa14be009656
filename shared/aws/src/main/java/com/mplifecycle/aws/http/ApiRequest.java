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

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
     * As {@link #read}, from the event's bytes: one streaming pass that keeps the fields above and
     * skips the rest (request context details, cookies, raw path): about half the CPU and a fifth of
     * the garbage of building the whole event as maps, on every request.
     */
    public static ApiRequest parse(byte[] eventJson) {
        String requestId = null;
        String routeKey = null;
        String method = null;
        Map<String, String> headers = null;
        Map<String, String> path = null;
        Map<String, String> query = null;
        String body = null;
        boolean base64 = false;
        try (JsonParser p = PlainJson.parser(eventJson)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BadRequestException(400, "event is not an HTTP API payload");
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "routeKey" -> routeKey = text(p, value);
                    case "headers" -> headers = strings(p, value, "headers");
                    case "pathParameters" -> path = strings(p, value, "pathParameters");
                    case "queryStringParameters" -> query = strings(p, value, "queryStringParameters");
                    case "isBase64Encoded" -> base64 = value == JsonToken.VALUE_TRUE;
                    case "body" -> {
                        if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) {
                            throw new BadRequestException(400, "event body is not a string");
                        }
                        body = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    }
                    case "requestContext" -> {
                        for (JsonToken c = object(p, value, "requestContext"); c == JsonToken.FIELD_NAME;
                             c = p.nextToken()) {
                            String name = p.currentName();
                            JsonToken v = p.nextToken();
                            if (name.equals("requestId")) {
                                requestId = text(p, v);
                            } else if (name.equals("http")) {
                                for (JsonToken h = object(p, v, "requestContext.http"); h == JsonToken.FIELD_NAME;
                                     h = p.nextToken()) {
                                    JsonToken hv = p.nextToken();
                                    if (p.currentName().equals("method")) {
                                        method = text(p, hv);
                                    } else {
                                        p.skipChildren();
                                    }
                                }
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new BadRequestException(400, "event is not JSON");
            }
        } catch (IOException e) {
            throw new BadRequestException(400, "event is not JSON");
        }
        return new ApiRequest(requestId, routeKey, method, headers, path, query, body, base64);
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

    /** The first token inside an object value (null counts as an empty object): a field name or its end. */
    private static JsonToken object(JsonParser p, JsonToken value, String what) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return JsonToken.END_OBJECT;
        }
        if (value != JsonToken.START_OBJECT) {
            throw new BadRequestException(400, "event " + what + " is not an object");
        }
        return p.nextToken();
    }

    private static String text(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    /** A map of strings; API Gateway sends none of these with other values. */
    private static Map<String, String> strings(JsonParser p, JsonToken value, String what) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonToken t = object(p, value, what); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            if (p.nextToken() != JsonToken.VALUE_STRING) {
                throw new BadRequestException(400, "event " + what + "." + name + " is not a string");
            }
            out.put(name, p.getText());
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
