package com.mplifecycle.devtools.faults;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP proxy in front of DynamoDB Local that fails a share of calls the way DynamoDB does:
 * throttling (400 {@code ProvisionedThroughputExceededException}) and 500 {@code InternalServerError}
 * before the call reaches the table, and 500 after the table already applied it (the case that
 * makes retries dangerous). Functions pointed at it go through the SDK's real retry logic.
 */
public final class FaultyDynamoDbProxy implements AutoCloseable {
    private static final Set<String> HOP_HEADERS = Set.of("host", "content-length", "connection", "expect",
            "transfer-encoding", "upgrade");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI target;
    private final Random random;
    private volatile double failureRate;
    private volatile java.util.function.Predicate<String> failing = body -> false;
    private final AtomicLong matching = new AtomicLong();
    private volatile long passFirst;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong failedBefore = new AtomicLong();
    private final AtomicLong failedAfter = new AtomicLong();

    private FaultyDynamoDbProxy(URI target, long seed) throws IOException {
        this.target = target;
        this.random = new Random(seed);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FaultyDynamoDbProxy start(URI dynamoDb, long seed) throws IOException {
        return new FaultyDynamoDbProxy(dynamoDb, seed);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Share of calls to fail, 0 to 1, split evenly over throttling, 500 before and 500 after. */
    public void failureRate(double rate) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("rate must be within 0..1");
        }
        failureRate = rate;
    }

    /**
     * Fails (500 before the table, so nothing is applied) every call whose JSON body {@code matches}, after the
     * first {@code passFirst} such calls from now: a function that crashes at a chosen step, e.g. its next page.
     */
    public void failCalls(java.util.function.Predicate<String> matches, long passFirst) {
        this.passFirst = passFirst;
        matching.set(0);
        this.failing = matches;
    }

    /** Calls seen, throttled, failed before reaching the table, failed after it applied them. */
    public long[] counts() {
        return new long[] {calls.get(), throttled.get(), failedBefore.get(), failedAfter.get()};
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            calls.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            double roll;
            synchronized (random) {
                roll = random.nextDouble();
            }
            if (failing.test(new String(body, StandardCharsets.UTF_8)) && matching.incrementAndGet() > passFirst) {
                failedBefore.incrementAndGet();
                answer(exchange, 500, "com.amazonaws.dynamodb.v20120810#InternalServerError", "Internal server error");
                return;
            }
            double third = failureRate / 3;
            if (roll < third) {
                throttled.incrementAndGet();
                answer(exchange, 400, "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
                        "The level of configured provisioned throughput for the table was exceeded.");
                return;
            }
            if (roll < 2 * third) {
                failedBefore.incrementAndGet();
                answer(exchange, 500, "com.amazonaws.dynamodb.v20120810#InternalServerError",
                        "Internal server error");
                return;
            }
            HttpResponse<byte[]> response = forward(exchange, body);
            if (roll < failureRate) {
                failedAfter.incrementAndGet();
                answer(exchange, 500, "com.amazonaws.dynamodb.v20120810#InternalServerError",
                        "Internal server error");
                return;
            }
            response.headers().map().forEach((k, v) -> {
                if (!HOP_HEADERS.contains(k.toLowerCase()) && !k.startsWith(":")) {
                    exchange.getResponseHeaders().put(k, v);
                }
            });
            send(exchange, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body))
                .timeout(Duration.ofSeconds(30));
        exchange.getRequestHeaders().forEach((k, values) -> {
            if (!HOP_HEADERS.contains(k.toLowerCase())) {
                values.forEach(v -> request.header(k, v));
            }
        });
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void answer(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        send(exchange, status, ("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
