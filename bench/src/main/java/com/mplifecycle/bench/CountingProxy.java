package com.mplifecycle.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mplifecycle.aws.json.Json;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback proxy in front of DynamoDB Local or the local EventBridge endpoint that counts the
 * API calls a function makes (by {@code X-Amz-Target}) and, for DynamoDB, asks for and sums the
 * consumed capacity of every call ({@code ReturnConsumedCapacity: TOTAL} is added to requests
 * that do not ask for it; the response is passed on unchanged, so the SDK's CRC check holds).
 * PutEvents entries are counted too: EventBridge bills per entry (64 KB chunk).
 */
final class CountingProxy implements AutoCloseable {
    private static final Set<String> CAPACITY_OPS = Set.of("PutItem", "UpdateItem", "DeleteItem", "GetItem",
            "BatchGetItem", "BatchWriteItem", "Query", "Scan", "TransactWriteItems", "TransactGetItems");
    private static final Set<String> READ_OPS = Set.of("GetItem", "BatchGetItem", "Query", "Scan", "TransactGetItems");
    private static final Set<String> SKIP_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding", "keep-alive");

    private final URI target;
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(16, r -> {
        Thread t = new Thread(r, "bench-proxy");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    final DoubleAdder readUnits = new DoubleAdder();
    final DoubleAdder writeUnits = new DoubleAdder();
    final AtomicLong putEventsEntries = new AtomicLong();

    CountingProxy(URI target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    Map<String, Long> calls() {
        Map<String, Long> out = new TreeMap<>();
        calls.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    long calls(String op) {
        AtomicLong n = calls.get(op);
        return n == null ? 0 : n.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String amzTarget = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String op = amzTarget == null ? "?" : amzTarget.substring(amzTarget.indexOf('.') + 1);
            calls.computeIfAbsent(op, k -> new AtomicLong()).incrementAndGet();
            if (CAPACITY_OPS.contains(op)) {
                ObjectNode json = (ObjectNode) Json.MAPPER.readTree(body);
                if (!json.has("ReturnConsumedCapacity") || "NONE".equals(json.get("ReturnConsumedCapacity").asText())) {
                    json.put("ReturnConsumedCapacity", "TOTAL");
                    body = Json.MAPPER.writeValueAsBytes(json);
                }
            } else if ("PutEvents".equals(op)) {
                putEventsEntries.addAndGet(Json.MAPPER.readTree(body).path("Entries").size());
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!SKIP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> forward.header(name, v));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            byte[] answer = response.body();
            if (CAPACITY_OPS.contains(op) && response.statusCode() == 200) {
                JsonNode consumed = Json.MAPPER.readTree(answer).path("ConsumedCapacity");
                double units = 0;
                if (consumed.isArray()) {
                    for (JsonNode c : consumed) {
                        units += c.path("CapacityUnits").asDouble();
                    }
                } else {
                    units = consumed.path("CapacityUnits").asDouble();
                }
                (READ_OPS.contains(op) ? readUnits : writeUnits).add(units);
            }
            response.headers().map().forEach((name, values) -> {
                if (!SKIP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (RuntimeException e) {
            exchange.sendResponseHeaders(502, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
