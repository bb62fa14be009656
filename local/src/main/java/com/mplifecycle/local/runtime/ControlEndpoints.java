package com.mplifecycle.local.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.json.Json;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/** The {@code /_local/...} control endpoints of the local runtime (see the README). */
final class ControlEndpoints implements HttpHandler {
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

    private final LocalRuntime runtime;

    ControlEndpoints(LocalRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().replaceFirst("^/_local", "");
            String method = exchange.getRequestMethod();
            String query = exchange.getRequestURI().getQuery();
            try {
                route(exchange, method, path, query);
            } catch (IllegalArgumentException e) {
                send(exchange, 400, Map.of("error", e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                send(exchange, 503, Map.of("error", "interrupted"));
            } catch (Exception e) {
                send(exchange, 500, Map.of("error", String.valueOf(e)));
            }
        }
    }

    private void route(HttpExchange ex, String method, String path, String query) throws Exception {
        if (path.equals("/health") && method.equals("GET")) {
            LocalRuntime.URIs u = runtime.endpoints();
            send(ex, 200, Map.of("status", "ok", "endpoints", Map.of("api", u.api(), "dynamodb", u.dynamodb(),
                    "events", u.events(), "secretsmanager", u.secretsmanager(), "wechat", u.wechat()),
                    "secretId", runtime.secretArn()));
        } else if (path.equals("/functions") && method.equals("GET")) {
            List<Map<String, Object>> out = runtime.functions().values().stream().map(f -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("logicalId", f.definition().logicalId());
                m.put("handler", f.definition().handler());
                m.put("triggers", runtime.triggers().getOrDefault(f.definition().logicalId(), List.of()));
                m.putAll(f.usage());
                return m;
            }).toList();
            send(ex, 200, out);
        } else if (path.equals("/clock")) {
            if (method.equals("POST")) {
                JsonNode body = Json.read(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                        JsonNode.class);
                if (body.hasNonNull("advance")) {
                    runtime.clock().advance(Duration.parse(body.get("advance").asText()));
                } else if (body.hasNonNull("set")) {
                    runtime.clock().set(Instant.parse(body.get("set").asText()));
                } else {
                    throw new IllegalArgumentException("give {\"advance\":\"P1D\"} or {\"set\":\"2026-12-01T00:00:00Z\"}");
                }
            }
            send(ex, 200, Map.of("now", runtime.clock().instant().toString()));
        } else if (path.startsWith("/run/") && method.equals("POST")) {
            String id = path.substring("/run/".length());
            if (!runtime.scheduler().ids().contains(id)) {
                send(ex, 404, Map.of("error", "no schedule for function " + id));
                return;
            }
            Instant at = runtime.scheduler().fireNow(id);
            send(ex, 200, Map.of("function", id, "scheduledTime", at.toString()));
        } else if (path.equals("/drain") && method.equals("POST")) {
            boolean idle = runtime.drain(DRAIN_TIMEOUT);
            send(ex, idle ? 200 : 504, Map.of("idle", idle));
        } else if (path.equals("/wechat/messages") && method.equals("GET")) {
            String touser = query != null && query.startsWith("touser=") ? query.substring(7) : null;
            sendRaw(ex, 200, runtime.wechat().messagesJson(java.util.Optional.ofNullable(touser)));
        } else if (path.equals("/wechat/faults") && method.equals("POST")) {
            sendRaw(ex, 200, runtime.wechat().injectFaultJson(new String(ex.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8)));
        } else if (path.equals("/wechat/apps") && method.equals("POST")) {
            // What registering a mini-program does on WeChat's side: its AppID and AppSecret log users in.
            JsonNode body = Json.read(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    JsonNode.class);
            if (!body.path("wechatAppId").isTextual() || !body.path("appSecret").isTextual()) {
                throw new IllegalArgumentException("give {\"wechatAppId\":\"wx…\",\"appSecret\":\"…\"}");
            }
            runtime.wechat().registerApp(body.get("wechatAppId").asText(), body.get("appSecret").asText());
            send(ex, 200, Map.of("wechatAppId", body.get("wechatAppId").asText()));
        } else if (path.equals("/wechat/subscriptions") && method.equals("POST")) {
            // What a user's "accept" in wx.requestSubscribeMessage records on WeChat's side.
            sendRaw(ex, 200, runtime.wechat().acceptSubscriptionJson(new String(ex.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8)));
        } else if (path.equals("/faults/dynamodb") && method.equals("POST")) {
            if (runtime.dynamoFaults().isEmpty()) {
                send(ex, 409, Map.of("error", "start with --dynamodb-faults to inject DynamoDB faults"));
                return;
            }
            JsonNode body = Json.read(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    JsonNode.class);
            runtime.dynamoFaults().get().failureRate(body.path("rate").asDouble(-1));
            long[] c = runtime.dynamoFaults().get().counts();
            send(ex, 200, Map.of("rate", body.path("rate").asDouble(), "calls", c[0], "throttled", c[1],
                    "failedBeforeWrite", c[2], "failedAfterWrite", c[3]));
        } else if (path.equals("/dlq") && method.equals("GET")) {
            send(ex, 200, Map.of("streamOnFailure", runtime.onFailureRecords().stream()
                    .map(j -> Json.read(j, JsonNode.class)).toList(), "busDeadLetters", runtime.deadLetters()));
        } else {
            send(ex, 404, Map.of("error", "no control endpoint " + method + " /_local" + path));
        }
    }

    private static void send(HttpExchange ex, int status, Object body) throws IOException {
        sendRaw(ex, status, Json.write(body));
    }

    private static void sendRaw(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("content-type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
