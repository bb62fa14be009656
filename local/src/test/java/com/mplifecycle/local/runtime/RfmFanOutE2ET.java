package com.mplifecycle.local.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.devtools.template.SamTemplate;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.event.EventType;
import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.domain.lifecycle.ProfileFolder;
import com.mplifecycle.domain.profile.CustomerIds;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.CustomerScores;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The daily run through the runtime's schedule trigger, bus and rule: fanned out over 4 slice
 * invocations it stores the same scores, stages and run records as one invocation on the same
 * profiles, and a redelivered slice request changes nothing.
 */
class RfmFanOutE2ET {
    private static final String TOTAL = "RFM_INVOCATIONS_MAX: \"16\"";
    private static final String PER_INVOCATION = "RFM_CUSTOMERS_PER_INVOCATION: \"250000\"";
    private static final Duration DAY = Duration.ofDays(1);
    private static final HttpClient http = HttpClient.newHttpClient();
    private static LocalRuntime fanned;
    private static LocalRuntime single;

    @BeforeAll
    static void start() throws Exception {
        String yaml = Files.readString(SamTemplate.locate());
        assertTrue(yaml.contains(TOTAL), "the template sets " + TOTAL);
        assertTrue(yaml.contains(PER_INVOCATION), "the template sets " + PER_INVOCATION);
        RuntimeOptions options = new RuntimeOptions(0, false, 0, 0, "test-admin-key-0123456789", null);
        // 4 invocations for these few hundred customers: one per customer started, at most 4
        fanned = LocalRuntime.start(SamTemplate.parse(yaml.replace(TOTAL, "RFM_INVOCATIONS_MAX: \"4\"")
                .replace(PER_INVOCATION, "RFM_CUSTOMERS_PER_INVOCATION: \"1\"")), options);
        single = LocalRuntime.start(SamTemplate.parse(yaml.replace(TOTAL, "RFM_INVOCATIONS_MAX: \"1\"")), options);
    }

    @AfterAll
    static void stop() {
        fanned.close();
        single.close();
    }

    private static JsonNode post(LocalRuntime runtime, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(runtime.apiUrl() + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() < 300, path + " answered " + r.statusCode() + " " + r.body());
        return Json.read(r.body(), JsonNode.class);
    }

    /** The same customers in both runtimes: two apps, one large enough for BG/NBD. */
    private static void seed(LocalRuntime runtime, Instant now) throws Exception {
        ProfileStore profiles = new ProfileStore(runtime.profilesClient(), runtime.profilesTable());
        SplittableRandom random = new SplittableRandom(11);
        for (String app : List.of("big", "small")) {
            for (int i = 0; i < (app.equals("big") ? 260 : 30); i++) {
                String openid = "o" + i;
                List<TrackedEvent> events = new ArrayList<>();
                Instant at = now.minus(DAY.multipliedBy(1 + random.nextInt(400)));
                events.add(new TrackedEvent("l", EventType.APP_LAUNCH, at, Map.of("scene", 1001L)));
                for (int k = 0, n = random.nextInt(5); k < n && at.isBefore(now); k++) {
                    events.add(new TrackedEvent("p" + k, EventType.ORDER_PAID, at,
                            Map.of("orderId", "o" + k, "amountFen", 1_000L + random.nextInt(50_000))));
                    at = at.plus(DAY.multipliedBy(3 + random.nextInt(40)));
                }
                CustomerProfile p = new ProfileFolder(AppSettings.defaults(app))
                        .fold(CustomerProfile.empty(app, CustomerIds.of(app, openid)), openid, events).profile();
                profiles.save(p).orElseThrow();
            }
        }
        post(runtime, "/_local/drain");
    }

    /** Scores, stages and run records without the run's times (the two runtimes run seconds apart). */
    private static Map<String, JsonNode> outcome(LocalRuntime runtime) {
        Map<String, JsonNode> outcome = new TreeMap<>();
        AppStore apps = new AppStore(runtime.profilesClient(), "AppsTable", runtime.clock());
        new ProfileStore(runtime.profilesClient(), runtime.profilesTable()).scan(0, 1, page -> page.forEach(p -> {
            // the scores a reader derives from the app's run record
            CustomerScores s = CustomerScores.of(apps.rfmRun(p.appId()).orElseThrow(),
                    AppSettings.defaults(p.appId()).timeZone());
            ObjectNode scores = Json.MAPPER.createObjectNode();
            scores.put("stage", String.valueOf(p.stage()));
            scores.set("rfm", withoutTimes(s.rfm(p).orElse(null)));
            scores.set("churn", withoutTimes(s.churn(p).orElse(null)));
            outcome.put(p.appId() + "#" + p.customerId(), scores);
        }));
        for (String app : List.of("big", "small")) {
            outcome.put("run " + app, withoutTimes(apps.rfmRun(app).orElseThrow()));
        }
        return outcome;
    }

    private static JsonNode withoutTimes(Object value) {
        JsonNode node = Json.MAPPER.valueToTree(value);
        if (node instanceof ObjectNode o) {
            o.remove(List.of("computedAt", "ranAt"));
        }
        return node;
    }

    private static String runId(LocalRuntime runtime) {
        List<Map<String, AttributeValue>> runs = runtime.profilesClient().scan(b -> b.tableName("AppsTable")
                .filterExpression("sk = :run").expressionAttributeValues(Map.of(":run", AttributeValue.fromS("run"))))
                .items();
        assertEquals(1, runs.size());
        assertEquals("DONE", runs.get(0).get("phase").s());
        return runs.get(0).get("pk").s().substring("rfmRun#".length());
    }

    private static String request(String runId, String phase, int slice) {
        return "{\"source\":\"mplifecycle.rfm\",\"detail-type\":\"RfmSliceRequested\",\"detail\":{\"runId\":\""
                + runId + "\",\"phase\":\"" + phase + "\",\"slice\":" + slice + ",\"totalSlices\":4}}";
    }

    @Test
    void dailyRun_fannedOverFourSlices_matchesOneInvocationAndIgnoresRedelivery() throws Exception {
        Instant now = fanned.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        seed(fanned, now);
        seed(single, now);

        post(fanned, "/_local/run/RfmFunction");
        post(fanned, "/_local/drain");
        post(single, "/_local/run/RfmFunction");
        post(single, "/_local/drain");
        Map<String, JsonNode> expected = outcome(single);
        Map<String, JsonNode> first = outcome(fanned);

        assertNotNull(expected.get("run big").get("bgNbdParameters"), "the big app is fitted");
        assertEquals(expected, first);

        String runId = runId(fanned);
        fanned.invoke("RfmFunction", request(runId, "TALLY", 2));
        fanned.invoke("RfmFunction", request(runId, "SCORE", 3));
        post(fanned, "/_local/drain");

        assertEquals(first, outcome(fanned));
        assertEquals(runId, runId(fanned));
    }
}
