package com.mplifecycle.local.robustness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.json.Json;

/** A mini-program's view of the HTTP API: raw bytes in, status and body out, bounded waits. */
final class ApiClient {
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    record Answer(int status, String body) {
        JsonNode json() {
            return Json.read(body, JsonNode.class);
        }
    }

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ApiClient(String base) {
        this.base = base;
    }

    Answer send(String method, String path, byte[] body, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("content-type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (bearer != null) {
            b.header("authorization", "Bearer " + bearer);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }

    Answer post(String path, String body, String bearer) throws Exception {
        return send("POST", path, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), bearer);
    }
}
