package com.mplifecycle.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.devtools.wechat.WeChatStandIn;
import com.mplifecycle.local.runtime.LocalRuntime;

/**
 * The runtime over real HTTP, as a mini-program, an operator and a test reach it: the product's routes and
 * the {@code /_local} control endpoints. Every call asserts the status it expects.
 */
final class RuntimeClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** A logged-in customer of the app {@code demo}. */
    record Customer(String token, String customerId, String openid) {
    }

    private final LocalRuntime runtime;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RuntimeClient(LocalRuntime runtime) {
        this.runtime = runtime;
    }

    /** Logs in with a first-time code of {@code user}; WeChat's openid follows from it. */
    Customer login(String user) {
        return login(user, 1);
    }

    /** Logs in again (codes are single use): the {@code n}-th code of {@code user}, the same openid. */
    Customer login(String user, int n) {
        String code = user + "~" + n;
        JsonNode session = call(200, "POST", "/v1/session", "{\"appId\":\"" + LocalRuntime.DEMO_APP
                + "\",\"code\":\"" + code + "\"}", null);
        return new Customer(session.get("token").asText(), session.get("customerId").asText(),
                WeChatStandIn.openIdFor(LocalRuntime.DEMO_WECHAT_APP_ID, code));
    }

    /** Posts a batch of events (the JSON objects of the {@code events} array); all must be accepted. */
    void track(Customer customer, String... events) {
        JsonNode answer = call(202, "POST", "/v1/events", "{\"events\":[" + String.join(",", events) + "]}",
                customer.token());
        assertEquals(events.length, answer.get("accepted").asInt(), answer::toString);
    }

    void putCampaign(String campaignId, String json) {
        call(200, "PUT", "/v1/apps/" + LocalRuntime.DEMO_APP + "/campaigns/" + campaignId, json, runtime.adminKey());
    }

    JsonNode campaignStatistics(String campaignId) {
        return call(200, "GET", "/v1/apps/" + LocalRuntime.DEMO_APP + "/stats/campaigns/" + campaignId, null,
                runtime.adminKey());
    }

    /** Returns when stream pollers, rule deliveries and schedules are idle. */
    void drain() {
        call(200, "POST", "/_local/drain", null, null);
    }

    /** Moves the runtime's clock; the schedules due by then fire once. */
    void advance(Duration amount) {
        call(200, "POST", "/_local/clock", "{\"advance\":\"" + amount + "\"}", null);
    }

    void setClock(Instant at) {
        call(200, "POST", "/_local/clock", "{\"set\":\"" + at + "\"}", null);
    }

    /** Fires the function's schedule now; returns when the invocation has finished. */
    void runSchedule(String functionLogicalId) {
        call(200, "POST", "/_local/run/" + functionLogicalId, null, null);
    }

    void injectWeChatFault(String faultJson) {
        call(200, "POST", "/_local/wechat/faults", faultJson, null);
    }

    JsonNode call(int expectedStatus, String method, String path, String body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(runtime.apiUrl() + path)).timeout(TIMEOUT)
                .header("content-type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
        assertEquals(expectedStatus, response.statusCode(), method + " " + path + " answered " + response.body());
        return response.body().isEmpty() ? null : Json.read(response.body(), JsonNode.class);
    }
}
