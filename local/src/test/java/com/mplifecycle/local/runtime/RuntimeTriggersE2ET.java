package com.mplifecycle.local.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.devtools.template.SamTemplate;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The runtime's triggers end to end: a stage change published by the lifecycle function reaches
 * a rule's target function; a failing target ends in the bus's dead letters; a poison stream
 * record ends in the on-failure destination after the template's retries; the daily schedule
 * fires when the clock passes it and on demand.
 */
class RuntimeTriggersE2ET {
    private static final String ADMIN_KEY = "test-admin-key-0123456789";
    private static final String PROBE = """
              StageChangeProbeFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: local
                  Handler: com.mplifecycle.local.runtime.StageChangeProbe::handleRequest
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
                        RetryPolicy:
                          MaximumRetryAttempts: 1
            """;
    private static LocalRuntime runtime;

    @BeforeAll
    static void start() throws Exception {
        String yaml = Files.readString(SamTemplate.locate());
        String withProbe = yaml.replace("\nResources:\n", "\nResources:\n" + PROBE);
        runtime = LocalRuntime.start(SamTemplate.parse(withProbe), new RuntimeOptions(0, false, 0, 0, ADMIN_KEY, null));
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    private static JsonNode call(String method, String path, String body, String token) throws Exception {
        return RuntimeCalls.expectOk(runtime, method, path, body, token);
    }

    private static String buy(String user) throws Exception {
        JsonNode session = call("POST", "/v1/session", "{\"appId\":\"demo\",\"code\":\"" + user + "~1\"}", null);
        long now = runtime.clock().instant().toEpochMilli();
        call("POST", "/v1/events", "{\"events\":[{\"eventId\":\"" + user + "-1\",\"type\":\"order_paid\",\"ts\":"
                + now + ",\"props\":{\"orderId\":\"" + user + "-o\",\"amountFen\":990}}]}", session.get("token").asText());
        return session.get("customerId").asText();
    }

    @Test
    void stageChange_reachesRuleTargetFunctionWithEnvelope() throws Exception {
        StageChangeProbe.RECEIVED.clear();
        String customerId = buy("probe-buyer");
        call("POST", "/_local/drain", null, null);

        Map<String, Object> envelope = StageChangeProbe.RECEIVED.poll(10, TimeUnit.SECONDS);
        assertNotNull(envelope);
        assertEquals("CustomerStageChanged", envelope.get("detail-type"));
        @SuppressWarnings("unchecked")
        Map<String, Object> detail = (Map<String, Object>) envelope.get("detail");
        assertEquals(customerId, detail.get("customerId"));
        assertEquals("GROWING", detail.get("to"));
        assertEquals("NEW", detail.get("from"));
        assertNull(StageChangeProbe.RECEIVED.poll(500, TimeUnit.MILLISECONDS), "NEW entry must not match the rule");
    }

    @Test
    void failingTarget_endsInDeadLettersAfterRetries() throws Exception {
        long before = runtime.deadLetters().size();
        // A customer id containing "fail" is only reachable through a stream record written directly.
        String fail = "demo#c_fail000000000000000000001";
        long now = runtime.clock().instant().toEpochMilli();
        runtime.profilesClient().putItem(b -> b.tableName("EventsTable").item(Map.of(
                "pk", AttributeValue.fromS(fail), "sk", AttributeValue.fromS(now + "#f"),
                "ev", AttributeValue.fromS("[{\"i\":\"f1\",\"t\":\"order_paid\",\"ts\":" + now
                        + ",\"p\":{\"orderId\":\"f\",\"amountFen\":100}}]"))));
        call("POST", "/_local/drain", null, null);

        JsonNode dlq = call("GET", "/_local/dlq", null, null);
        assertEquals(before + 1, dlq.get("busDeadLetters").size());
        JsonNode letter = dlq.get("busDeadLetters").get((int) before);
        assertEquals(2, letter.get("attempts").asInt());
        assertTrue(letter.get("envelope").asText().contains("c_fail000000000000000000001"));
    }

    @Test
    void poisonStreamRecord_endsInOnFailureDestinationAndShardMovesOn() throws Exception {
        long now = runtime.clock().instant().toEpochMilli();
        runtime.profilesClient().putItem(b -> b.tableName("EventsTable").item(Map.of(
                "pk", AttributeValue.fromS("demo#c_poison"), "sk", AttributeValue.fromS(now + "#p"),
                "ev", AttributeValue.fromS("not json"))));
        String after = buy("after-poison");
        call("POST", "/_local/drain", null, null);

        JsonNode dlq = call("GET", "/_local/dlq", null, null);
        // both consumers of the events stream (the lifecycle fold, the points ledger) give up on it once
        List<JsonNode> lifecycle = new ArrayList<>();
        dlq.get("streamOnFailure").forEach(r -> {
            if (r.at("/requestContext/functionArn").asText().endsWith(":LifecycleFunction")) {
                lifecycle.add(r);
            }
        });
        assertEquals(1, lifecycle.size(), dlq.toString());
        assertEquals(2, dlq.get("streamOnFailure").size(), dlq.toString());
        JsonNode info = lifecycle.get(0);
        assertEquals("RetryAttemptsExhausted", info.get("requestContext").get("condition").asText());
        // Partial-failure retries resend the poison record and those after it; the range reported starts at it.
        assertTrue(info.get("DDBStreamBatchInfo").get("batchSize").asInt() >= 1);
        ProfileStore profiles = new ProfileStore(runtime.profilesClient(), runtime.profilesTable());
        assertTrue(profiles.load("demo", after).isPresent(), "records after the poison one are processed");
        assertTrue(profiles.load("demo", "c_poison").isEmpty());
    }

    @Test
    void dailySchedule_firesWhenClockPassesItAndOnDemand() throws Exception {
        String customerId = buy("scheduled-buyer");
        call("POST", "/_local/drain", null, null);
        String profile = "/v1/apps/demo/customers/" + customerId;
        assertTrue(call("GET", profile, null, ADMIN_KEY).get("rfm").isNull());

        call("POST", "/_local/clock", "{\"advance\":\"P1D\"}", null);
        call("POST", "/_local/drain", null, null);

        JsonNode scored = call("GET", profile, null, ADMIN_KEY).get("rfm");
        assertTrue(scored.isObject(), "the 03:00 Asia/Shanghai schedule ran on the jump");
        assertEquals(1, scored.get("frequency").asInt());
        JsonNode run = call("POST", "/_local/run/RfmFunction", null, null);
        assertEquals("RfmFunction", run.get("function").asText());
        assertTrue(Instant.parse(run.get("scheduledTime").asText()).isBefore(runtime.clock().instant().plusSeconds(1)));
    }
}
