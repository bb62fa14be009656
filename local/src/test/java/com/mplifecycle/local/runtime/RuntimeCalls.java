package com.mplifecycle.local.runtime;

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

    /** The answer's JSON, or null for an empty body. */
    static JsonNode json(HttpResponse<String> r) {
        return r.body().isEmpty() ? null : Json.read(r.body(), JsonNode.class);
    }
}
