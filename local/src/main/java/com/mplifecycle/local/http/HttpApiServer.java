package com.mplifecycle.local.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.json.Json;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The HTTP API on 127.0.0.1: routes requests to functions as API Gateway does (payload 2.0),
 * hands {@code /_local/...} to the control endpoints and serves the built console at {@code /console/}. Like API Gateway, bodies over 10 MB
 * are refused with 413 before any function runs, and unknown routes answer 404.
 */
public final class HttpApiServer implements AutoCloseable {
    static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;

    /**
     * @param invoke calls a function by logical id with an event JSON and returns its response JSON
     * @param control serves {@code /_local/...}
     */
    public HttpApiServer(int port, List<HttpRoute> routes, BiFunction<String, String, String> invoke,
                         HttpHandler control, Clock clock) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        executor = Executors.newFixedThreadPool(16);
        server.setExecutor(executor);
        server.createContext("/_local", control);
        server.createContext("/console", new ConsoleFiles(ConsoleFiles.locate()));
        server.createContext("/", exchange -> route(exchange, routes, invoke, clock));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void route(HttpExchange exchange, List<HttpRoute> routes, BiFunction<String, String, String> invoke,
                              Clock clock) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            HttpRoute route = null;
            Map<String, String> params = Map.of();
            for (HttpRoute r : routes) {
                Optional<Map<String, String>> m = r.match(exchange.getRequestMethod(), path);
                if (m.isPresent()) {
                    route = r;
                    params = m.get();
                    break;
                }
            }
            if (route == null) {
                send(exchange, 404, "{\"message\":\"Not Found\"}");
                return;
            }
            byte[] body = readLimited(exchange.getRequestBody());
            if (body == null) {
                send(exchange, 413, "{\"message\":\"Request Entity Too Large\"}");
                return;
            }
            String response;
            try {
                response = invoke.apply(route.functionLogicalId(),
                        Json.write(ApiGatewayEvents.event(exchange, route, params, body, clock.instant())));
            } catch (RuntimeException e) {
                send(exchange, 500, "{\"message\":\"Internal Server Error\"}");
                return;
            }
            respond(exchange, response);
        }
    }

    /** Writes a payload-2.0 function response ({@code statusCode}, {@code headers}, {@code body}). */
    private static void respond(HttpExchange exchange, String responseJson) throws IOException {
        JsonNode r = Json.read(responseJson, JsonNode.class);
        int status = r.path("statusCode").asInt(200);
        r.path("headers").fields().forEachRemaining(h -> exchange.getResponseHeaders().set(h.getKey(),
                h.getValue().asText()));
        JsonNode body = r.get("body");
        byte[] bytes = body == null || body.isNull() ? new byte[0]
                : r.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(body.asText())
                : body.asText().getBytes(StandardCharsets.UTF_8);
        write(exchange, status, bytes);
    }

    static void send(HttpExchange exchange, int status, String json) throws IOException {
        exchange.getResponseHeaders().set("content-type", "application/json");
        write(exchange, status, json.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        if (status == 204 || bytes.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Reads the body, or returns null (after draining a bounded amount) when it is over the limit. */
    private static byte[] readLimited(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_PAYLOAD_BYTES + 1);
        if (bytes.length > MAX_PAYLOAD_BYTES) {
            in.skip(Long.MAX_VALUE);
            return null;
        }
        return bytes;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
