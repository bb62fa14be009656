package com.mplifecycle.devtools.secrets;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local Secrets Manager: {@code GetSecretValue} and {@code PutSecretValue} of string secrets in the
 * AWS JSON 1.1 protocol on a loopback port, so the functions read their secret through the real SDK
 * client ({@code AWS_ENDPOINT_URL_SECRETS_MANAGER}) and an operator changes it as in the cloud:
 * {@code aws secretsmanager put-secret-value --endpoint-url … --secret-id … --secret-string file://…}.
 *
 * <p>A secret is found by its ARN or its name; only the current version is kept. Signatures are not
 * checked. Thread-safe. Not for production: it serves anything to any local caller.
 */
public final class SecretsManagerStandIn implements AutoCloseable {
    static final String GET = "secretsmanager.GetSecretValue";
    static final String PUT = "secretsmanager.PutSecretValue";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private record Secret(String arn, String name, String versionId, String value, long createdSeconds) {
    }

    private final Map<String, Secret> byName = new ConcurrentHashMap<>();
    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService threads;

    private SecretsManagerStandIn(Clock clock, HttpServer server, ExecutorService threads) {
        this.clock = clock;
        this.server = server;
        this.threads = threads;
    }

    /** Starts on a free loopback port; {@code clock} dates the versions. */
    public static SecretsManagerStandIn start(Clock clock) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "local-secretsmanager-http");
            t.setDaemon(true);
            return t;
        });
        SecretsManagerStandIn standIn = new SecretsManagerStandIn(Objects.requireNonNull(clock, "clock"), server,
                threads);
        server.createContext("/", standIn::handle);
        server.setExecutor(threads);
        server.start();
        return standIn;
    }

    /** The URI to give {@code endpointOverride}, {@code AWS_ENDPOINT_URL_SECRETS_MANAGER} or {@code --endpoint-url}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Creates the secret {@code name}, or puts a new current version of it; returns its ARN. */
    public String put(String name, String value) {
        Objects.requireNonNull(value, "value");
        Secret secret = byName.compute(name, (n, old) -> new Secret(old != null ? old.arn() : arnOf(n), n,
                UUID.randomUUID().toString(), value, clock.instant().getEpochSecond()));
        return secret.arn();
    }

    private static String arnOf(String name) {
        // real ARNs end in '-' and six random characters
        return "arn:aws:secretsmanager:us-east-1:000000000000:secret:" + name + "-"
                + UUID.randomUUID().toString().substring(0, 6);
    }

    private Secret find(String id) {
        if (id == null) {
            return null;
        }
        Secret named = byName.get(id);
        if (named != null) {
            return named;
        }
        return byName.values().stream().filter(s -> s.arn().equals(id)).findFirst().orElse(null);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            JsonNode body;
            try {
                body = MAPPER.readTree(exchange.getRequestBody().readAllBytes());
            } catch (IOException e) {
                error(exchange, "InvalidRequestException", "The request body is not valid JSON.");
                return;
            }
            if (body == null || !body.isObject()) {
                error(exchange, "InvalidRequestException", "The request body must be a JSON object.");
                return;
            }
            String id = body.path("SecretId").isTextual() ? body.get("SecretId").asText() : null;
            if (GET.equals(target)) {
                Secret s = find(id);
                if (s == null) {
                    error(exchange, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
                    return;
                }
                Map<String, Object> answer = answer(s);
                answer.put("SecretString", s.value());
                answer.put("CreatedDate", s.createdSeconds());
                send(exchange, 200, answer);
            } else if (PUT.equals(target)) {
                Secret s = find(id);
                if (s == null) {
                    error(exchange, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
                    return;
                }
                if (!body.path("SecretString").isTextual()) {
                    error(exchange, "InvalidRequestException", "You must provide a SecretString.");
                    return;
                }
                put(s.name(), body.get("SecretString").asText());
                send(exchange, 200, answer(byName.get(s.name())));
            } else {
                error(exchange, "UnknownOperationException",
                        "Operation " + target + " is not supported by the local Secrets Manager.");
            }
        } catch (RuntimeException e) {
            error(exchange, 500, "InternalServiceError", String.valueOf(e.getMessage()));
        }
    }

    private static Map<String, Object> answer(Secret s) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ARN", s.arn());
        answer.put("Name", s.name());
        answer.put("VersionId", s.versionId());
        answer.put("VersionStages", List.of("AWSCURRENT"));
        return answer;
    }

    private static void error(HttpExchange exchange, String type, String message) throws IOException {
        error(exchange, 400, type, message);
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        send(exchange, status, Map.of("__type", type, "message", message));
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
