package com.mplifecycle.local.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.json.Json;

/** The end-to-end tests' HTTP calls to a running local runtime (API and control endpoints). */
final class RuntimeCalls {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RuntimeCalls() {
    }

    static HttpResponse<String> send(LocalRuntime runtime, String method, String path, String body, String token)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(runtime.apiUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends, asserts the answer's status, and returns its JSON (null for an empty body). */
    static JsonNode expect(LocalRuntime runtime, String method, String path, String body, String token, int status)
            throws Exception {
        HttpResponse<String> r = send(runtime, method, path, body, token);
        assertEquals(status, r.statusCode(), method + " " + path + " answered " + r.body());
        return json(r);
    }

    /** Sends, asserts a 2xx answer, and returns its JSON (null for an empty body). */
    static JsonNode expectOk(LocalRuntime runtime, String method, String path, String body, String token)
            throws Exception {
        HttpResponse<String> r = send(runtime, method, path, body, token);
        assertTrue(r.statusCode() < 300, method + " " + path + " answered " + r.statusCode() + " " + r.body());
        return json(r);
    }

    /** The answer's JSON, or null for an empty body. */
    static JsonNode json(HttpResponse<String> r) {
        return r.body().isEmpty() ? null : Json.read(r.body(), JsonNode.class);
    }
}
