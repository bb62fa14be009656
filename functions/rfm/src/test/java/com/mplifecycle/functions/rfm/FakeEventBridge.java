package com.mplifecycle.functions.rfm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.json.Json;
import com.sun.net.httpserver.HttpServer;

/** A stand-in EventBridge endpoint: answers every PutEvents with success and keeps the entries. */
final class FakeEventBridge implements AutoCloseable {
    private static final byte[] OK = "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"1\"}]}"
            .getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final List<JsonNode> entries = new CopyOnWriteArrayList<>();

    private FakeEventBridge(HttpServer server) {
        this.server = server;
    }

    static FakeEventBridge start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeEventBridge fake = new FakeEventBridge(server);
            server.createContext("/", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    JsonNode body = Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), JsonNode.class);
                    body.get("Entries").forEach(fake.entries::add);
                }
                exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
                exchange.sendResponseHeaders(200, OK.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(OK);
                }
            });
            server.start();
            return fake;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The details of the {@code CustomerStageChanged} entries received so far. */
    List<JsonNode> stageChanges() {
        List<JsonNode> details = new ArrayList<>();
        for (JsonNode entry : entries) {
            if ("CustomerStageChanged".equals(entry.get("DetailType").asText())) {
                details.add(Json.read(entry.get("Detail").asText(), JsonNode.class));
            }
        }
        return details;
    }

    /** Every entry received so far with the given detail type, in order. */
    List<JsonNode> entries(String detailType) {
        return entries.stream().filter(e -> detailType.equals(e.get("DetailType").asText())).toList();
    }

    void clear() {
        entries.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
