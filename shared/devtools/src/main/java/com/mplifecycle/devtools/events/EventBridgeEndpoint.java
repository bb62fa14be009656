package com.mplifecycle.devtools.events;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP endpoint on 127.0.0.1 that speaks EventBridge's AWS JSON 1.1 protocol for {@code PutEvents},
 * so the AWS SDK ({@code endpointOverride}) and {@code aws events put-events --endpoint-url} work unchanged.
 *
 * <p>Signatures are not checked. Whole-request problems answer HTTP 400 with {@code __type}
 * (ValidationException, UnknownOperationException); per-entry problems come back
 * inside a 200 answer, as EventBridge does.
 */
public final class EventBridgeEndpoint implements AutoCloseable {
    static final String PUT_EVENTS_TARGET = "AWSEvents.PutEvents";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final LocalEventBus bus;
    private final HttpServer server;
    private final ExecutorService executor;

    private EventBridgeEndpoint(LocalEventBus bus, HttpServer server, ExecutorService executor) {
        this.bus = bus;
        this.server = server;
        this.executor = executor;
    }

    /** Starts on a free port. */
    public static EventBridgeEndpoint start(LocalEventBus bus) throws IOException {
        return start(bus, 0);
    }

    /** Starts on {@code port} (0 = any free port) of 127.0.0.1. */
    public static EventBridgeEndpoint start(LocalEventBus bus, int port) throws IOException {
        Objects.requireNonNull(bus, "bus");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        AtomicInteger count = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "local-eventbridge-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        EventBridgeEndpoint endpoint = new EventBridgeEndpoint(bus, server, executor);
        server.createContext("/", endpoint::handle);
        server.setExecutor(executor);
        server.start();
        return endpoint;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The URI to give {@code endpointOverride} or {@code --endpoint-url}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readBody(exchange.getRequestBody());
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (!"POST".equals(exchange.getRequestMethod()) || !PUT_EVENTS_TARGET.equals(target)) {
                sendError(exchange, "UnknownOperationException",
                        "Operation " + target + " is not supported by the local EventBridge.");
                return;
            }
            List<EventEntry> entries;
            try {
                entries = PutEventsCodec.readRequest(body);
            } catch (RequestRejected rejected) {
                sendError(exchange, rejected.type(), rejected.getMessage());
                return;
            }
            send(exchange, 200, PutEventsCodec.writeResponse(bus.publish(entries)));
        } catch (RuntimeException e) {
            // answer like AWS instead of dropping the connection, which the SDK would retry
            sendError(exchange, 500, "InternalFailure", String.valueOf(e.getMessage()));
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static void sendError(HttpExchange exchange, String type, String message) throws IOException {
        sendError(exchange, 400, type, message);
    }

    private static void sendError(HttpExchange exchange, int status, String type, String message)
            throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        send(exchange, status, PutEventsCodec.writeError(type, message));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stops accepting requests; the bus itself stays open. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
