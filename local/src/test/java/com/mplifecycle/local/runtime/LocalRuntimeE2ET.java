package com.mplifecycle.local.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.local.demo.NextSteps;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** HTTP in, through session, ingest, the stream, lifecycle and the bus, with the runtime's controls. */
class LocalRuntimeE2ET {
    private static LocalRuntime runtime;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(new RuntimeOptions(0, false, 0, 0, "test-admin-key-0123456789", null));
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    private static HttpResponse<String> call(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(runtime.apiUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) {
        return Json.read(r.body(), JsonNode.class);
    }

    private static JsonNode login(String code) throws Exception {
        HttpResponse<String> r = call("POST", "/v1/session", "{\"appId\":\"demo\",\"code\":\"" + code + "\"}", null);
        assertEquals(200, r.statusCode(), r.body());
        return json(r);
    }

    @Test
    void health_listsLocalEndpoints() throws Exception {
        JsonNode health = json(call("GET", "/_local/health", null, null));

        assertEquals("ok", health.get("status").asText());
        for (String e : List.of("api", "dynamodb", "events", "secretsmanager", "wechat")) {
            assertTrue(health.get("endpoints").get(e).asText().startsWith("http://127.0.0.1:"), e);
        }
    }

    @Test
    void health_dynamodbEndpoint_servesTheTablesToAnyCredentialsAndRegion() throws Exception {
        URI endpoint = URI.create(json(call("GET", "/_local/health", null, null)).get("endpoints").get("dynamodb")
                .asText());

        List<String> tables;
        try (DynamoDbClient newcomer = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.AP_EAST_1)
                .httpClient(UrlConnectionHttpClient.create()).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIAEXAMPLENEWCOMER", "anything"))).build()) {
            tables = newcomer.listTables().tableNames();
        }

        assertTrue(tables.contains(runtime.profilesTable()), tables.toString());
    }

    @Test
    void nextSteps_curlCalls_readTheStatisticsWithTheAdminKey() throws Exception {
        List<String> lines = NextSteps.lines(runtime.apiUrl(), "demo", runtime.adminKey(), null, "TPL_NEVER_RAN");
        List<String> curls = lines.stream().map(String::trim).filter(l -> l.startsWith("curl ")).toList();

        Map<String, Integer> statuses = new java.util.LinkedHashMap<>();
        for (String curl : curls) {
            String header = curl.substring(curl.indexOf('\'') + 1, curl.lastIndexOf('\''));
            String url = curl.substring(curl.lastIndexOf(' ') + 1);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header(header.substring(0, header.indexOf(':')), header.substring(header.indexOf(':') + 2))
                    .build(), HttpResponse.BodyHandlers.ofString());
            statuses.put(url.substring(url.indexOf("/stats/")), r.statusCode());
        }

        assertTrue(lines.stream().anyMatch(l -> l.contains(runtime.adminKey())), lines.toString());
        // the campaign never ran here: the admin API's own 404, past the key check
        assertEquals(Map.of("/stats/stages", 200, "/stats/segments", 200, "/stats/campaigns/TPL_NEVER_RAN", 404),
                statuses);
    }

    @Test
    void functions_comeFromTheTemplate() throws Exception {
        JsonNode functions = json(call("GET", "/_local/functions", null, null));

        List<String> ids = new java.util.ArrayList<>();
        functions.forEach(f -> ids.add(f.get("logicalId").asText()));
        assertTrue(ids.containsAll(List.of("SessionFunction", "IngestFunction", "LifecycleFunction")), ids.toString());
        assertEquals("HttpApi POST /v1/events", functions.get(ids.indexOf("IngestFunction")).get("triggers").get(0)
                .asText());
    }

    @Test
    void functions_countTheirInvocations() throws Exception {
        long before = sessionUsage().path("invocations").asLong();

        login("usage-counter~1");
        login("usage-counter~2");

        JsonNode after = sessionUsage();
        assertEquals(before + 2, after.path("invocations").asLong());
        assertTrue(after.path("invokeMs").isIntegralNumber(), after.toString());
    }

    private static JsonNode sessionUsage() throws Exception {
        for (JsonNode f : json(call("GET", "/_local/functions", null, null))) {
            if (f.path("logicalId").asText().equals("SessionFunction")) {
                return f;
            }
        }
        throw new AssertionError("no SessionFunction");
    }

    @Test
    void eventsThroughHttp_reachProfileAndStageChangeIsPublished() throws Exception {
        JsonNode session = login("e2e-buyer~1");
        long now = runtime.clock().instant().toEpochMilli();
        String body = "{\"events\":[{\"eventId\":\"e2e-1\",\"type\":\"app_launch\",\"ts\":" + now
                + ",\"props\":{\"scene\":1001}},{\"eventId\":\"e2e-2\",\"type\":\"order_paid\",\"ts\":" + (now + 1)
                + ",\"props\":{\"orderId\":\"o-e2e\",\"amountFen\":3300}}]}";

        HttpResponse<String> accepted = call("POST", "/v1/events", body, session.get("token").asText());
        HttpResponse<String> retried = call("POST", "/v1/events", body, session.get("token").asText());
        assertEquals(200, call("POST", "/_local/drain", null, null).statusCode());

        assertEquals(202, accepted.statusCode());
        assertEquals(202, retried.statusCode());
        ProfileStore profiles = new ProfileStore(runtime.profilesClient(), runtime.profilesTable());
        CustomerProfile p = profiles.load("demo", session.get("customerId").asText()).orElseThrow();
        assertEquals(Stage.GROWING, p.stage());
        assertEquals(1, p.paidOrders());
        assertEquals(3300, p.revenueFen());
    }

    @Test
    void session_wechatFailures_mapToClearStatuses() throws Exception {
        assertEquals(401, call("POST", "/v1/session", "{\"appId\":\"demo\",\"code\":\"invalid-code\"}", null)
                .statusCode());
        login("reuse~1");
        assertEquals(401, call("POST", "/v1/session", "{\"appId\":\"demo\",\"code\":\"reuse~1\"}", null).statusCode());
        assertEquals(404, call("POST", "/v1/session", "{\"appId\":\"nope\",\"code\":\"x~1\"}", null).statusCode());
        assertEquals(400, call("POST", "/v1/session", "{\"appId\":", null).statusCode());

        call("POST", "/_local/wechat/faults", "{\"api\":\"jscode2session\",\"errcode\":-1,\"count\":1}", null);
        assertEquals(502, call("POST", "/v1/session", "{\"appId\":\"demo\",\"code\":\"busy~1\"}", null).statusCode());
        call("POST", "/_local/wechat/faults", "{\"api\":\"jscode2session\",\"httpStatus\":500,\"count\":1}", null);
        HttpResponse<String> down = call("POST", "/v1/session", "{\"appId\":\"demo\",\"code\":\"down~1\"}", null);
        assertEquals(502, down.statusCode());
        assertEquals("WeChat is unavailable; retry later", json(down).get("error").asText());
        assertEquals(200, call("POST", "/v1/session", "{\"appId\":\"demo\",\"code\":\"after~1\"}", null).statusCode());
    }

    @Test
    void clock_advanceAndSet_expireTokens() throws Exception {
        JsonNode session = login("clock-user~1");
        Instant before = Instant.parse(json(call("GET", "/_local/clock", null, null)).get("now").asText());

        JsonNode advanced = json(call("POST", "/_local/clock", "{\"advance\":\"PT3H\"}", null));

        assertTrue(Instant.parse(advanced.get("now").asText()).isAfter(before.plus(Duration.ofHours(3)).minusSeconds(1)));
        String body = "{\"events\":[{\"eventId\":\"late-1\",\"type\":\"app_show\",\"ts\":"
                + runtime.clock().instant().toEpochMilli() + ",\"props\":{\"scene\":1001}}]}";
        HttpResponse<String> r = call("POST", "/v1/events", body, session.get("token").asText());
        assertEquals(401, r.statusCode());
        assertEquals("expired token", json(r).get("error").asText());
    }

    @Test
    void sampleEvents_runThroughTheirFunctions() throws Exception {
        java.nio.file.Path events = com.mplifecycle.devtools.template.SamTemplate.locate().getParent().resolve("events");

        JsonNode session = Json.read(runtime.invoke("SessionFunction",
                java.nio.file.Files.readString(events.resolve("session.json"))), JsonNode.class);
        JsonNode ingest = Json.read(runtime.invoke("IngestFunction",
                java.nio.file.Files.readString(events.resolve("ingest.json"))), JsonNode.class);
        JsonNode stream = Json.read(runtime.invoke("LifecycleFunction",
                java.nio.file.Files.readString(events.resolve("lifecycle-stream.json"))), JsonNode.class);

        assertEquals(200, session.get("statusCode").asInt());
        assertEquals(401, ingest.get("statusCode").asInt(), "the sample's token is a placeholder");
        assertEquals(0, stream.get("batchItemFailures").size());
        ProfileStore profiles = new ProfileStore(runtime.profilesClient(), runtime.profilesTable());
        assertEquals(2800, profiles.load("demo", "c_0123456789abcdef01234567").orElseThrow().revenueFen());
        assertEquals(Map.of("TPL_WINBACK", 1), profiles.load("demo", "c_89abcdef0123456789abcdef").orElseThrow()
                .credits());
    }

    @Test
    void unknownRoute_404LikeApiGateway() throws Exception {
        assertEquals(404, call("GET", "/v1/nothing", null, null).statusCode());
        assertEquals(Map.of("message", "Not Found"), Json.read(call("GET", "/v1/nothing", null, null).body(), Map.class));
    }
}
