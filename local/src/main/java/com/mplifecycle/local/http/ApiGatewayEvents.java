package com.mplifecycle.local.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.sun.net.httpserver.HttpExchange;

/** Builds the HTTP API payload format 2.0 event API Gateway hands a Lambda function. */
final class ApiGatewayEvents {
    private static final DateTimeFormatter CLF = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private ApiGatewayEvents() {
    }

    static Map<String, Object> event(HttpExchange exchange, HttpRoute route, Map<String, String> pathParams,
                                     byte[] body, Instant now) {
        Map<String, Object> e = new LinkedHashMap<>();
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        e.put("version", "2.0");
        e.put("routeKey", route.routeKey());
        e.put("rawPath", path);
        e.put("rawQueryString", query == null ? "" : query);
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        e.put("headers", headers);
        if (query != null && !query.isEmpty()) {
            e.put("queryStringParameters", query(query));
        }
        if (!pathParams.isEmpty()) {
            e.put("pathParameters", pathParams);
        }
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", exchange.getRequestMethod());
        http.put("path", path);
        http.put("protocol", exchange.getProtocol());
        http.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        http.put("userAgent", headers.getOrDefault("user-agent", ""));
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("accountId", "000000000000");
        ctx.put("apiId", "local");
        ctx.put("domainName", headers.getOrDefault("host", "127.0.0.1"));
        ctx.put("http", http);
        ctx.put("requestId", UUID.randomUUID().toString());
        ctx.put("routeKey", route.routeKey());
        ctx.put("stage", "$default");
        ctx.put("time", CLF.format(now));
        ctx.put("timeEpoch", now.toEpochMilli());
        e.put("requestContext", ctx);
        if (body.length > 0) {
            String text = utf8(body);
            e.put("body", text != null ? text : Base64.getEncoder().encodeToString(body));
            e.put("isBase64Encoded", text == null);
        } else {
            e.put("isBase64Encoded", false);
        }
        return e;
    }

    /** The body as text when it is valid UTF-8 (API Gateway base64-encodes the rest). */
    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int i = pair.indexOf('=');
            String k = decode(i < 0 ? pair : pair.substring(0, i));
            String v = i < 0 ? "" : decode(pair.substring(i + 1));
            out.merge(k, v, (a, b) -> a + "," + b);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

}
