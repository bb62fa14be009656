package com.mplifecycle.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.devtools.template.SamTemplate;
import com.mplifecycle.local.runtime.LocalRuntime;
import com.mplifecycle.local.runtime.RuntimeOptions;

/**
 * Figure 8: the whole local runtime (HTTP API, ingest, DynamoDB Local stream, lifecycle, bus,
 * rule) with a probe function on a rule for {@code CustomerStageChanged} to GROWING, as
 * RuntimeTriggersE2ET adds one. Each of N new customers logs in (not timed), then pays a first
 * order through {@code POST /v1/events} at a fixed pace; reaction time is from the 202 answer
 * to the probe's invocation.
 */
final class ReactionBench {
    private static final String PROBE = """
              ReactionProbeFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: bench
                  Handler: com.mplifecycle.bench.ReactionProbe::handleRequest
                  Events:
                    StageChanges:
                      Type: EventBridgeRule
                      Properties:
                        EventBusName: !Ref LifecycleBus
                        Pattern:
                          source: [mplifecycle.lifecycle]
                          detail-type: [CustomerStageChanged]
                          detail:
                            to: [GROWING]
            """;

    record Result(int promotions, int delivered, double ratePerSecond, double p50Ms, double p99Ms, double maxMs,
                  double meanMs) {
    }

    Result run(int promotions, double ratePerSecond) throws Exception {
        String yaml = Files.readString(SamTemplate.locate());
        String withProbe = yaml.replace("\nResources:\n", "\nResources:\n" + PROBE);
        ReactionProbe.DELIVERED_NANOS.clear();
        try (LocalRuntime runtime = LocalRuntime.start(SamTemplate.parse(withProbe),
                new RuntimeOptions(0, false, 0, 0, "bench-admin-key-0123456789", null))) {
            HttpClient http = HttpClient.newHttpClient();
            List<String[]> sessions = new ArrayList<>();
            for (int i = 0; i < promotions; i++) {
                JsonNode s = call(http, runtime, "/v1/session", "{\"appId\":\"demo\",\"code\":\"react" + i + "~1\"}", null);
                sessions.add(new String[] {s.get("customerId").asText(), s.get("token").asText(), "react" + i});
            }
            runtime.drain(java.time.Duration.ofSeconds(30));
            Map<String, Long> answered = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            long start = System.nanoTime();
            long periodNanos = (long) (1e9 / ratePerSecond);
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < promotions; i++) {
                long due = start + i * periodNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String[] s = sessions.get(i);
                sent.add(pool.submit(() -> {
                    long now = runtime.clock().instant().toEpochMilli();
                    call(http, runtime, "/v1/events", "{\"events\":[{\"eventId\":\"" + s[2] + "-1\",\"type\":\"app_launch\","
                            + "\"ts\":" + (now - 5000) + ",\"props\":{\"scene\":1001}},{\"eventId\":\"" + s[2]
                            + "-2\",\"type\":\"order_paid\",\"ts\":" + now + ",\"props\":{\"orderId\":\"" + s[2]
                            + "-o\",\"amountFen\":990}}]}", s[1]);
                    answered.put(s[0], System.nanoTime());
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (ReactionProbe.DELIVERED_NANOS.size() < promotions && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            pool.shutdownNow();
            List<Double> ms = new ArrayList<>();
            for (String[] s : sessions) {
                Long a = answered.get(s[0]);
                Long d = ReactionProbe.DELIVERED_NANOS.get(s[0]);
                if (a != null && d != null) {
                    ms.add(Math.max(0, d - a) / 1e6);
                }
            }
            return new Result(promotions, ms.size(), ratePerSecond, Parallel.percentile(ms, 50),
                    Parallel.percentile(ms, 99), Parallel.percentile(ms, 100), Parallel.mean(ms));
        }
    }

    private static JsonNode call(HttpClient http, LocalRuntime runtime, String path, String body, String token)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(runtime.apiUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + " " + r.body());
        }
        return Json.read(r.body(), JsonNode.class);
    }
}
