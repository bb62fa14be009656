package com.mplifecycle.devtools.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hand-written requests for what the SDK never sends: bad JSON, unknown operations. */
class EventBridgeEndpointProtocolTest {
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private LocalEventBus bus;
    private EventBridgeEndpoint endpoint;

    @BeforeEach
    void start() throws Exception {
        bus = new LocalEventBus(Clock.systemUTC());
        endpoint = EventBridgeEndpoint.start(bus);
    }

    @AfterEach
    void stop() {
        endpoint.close();
        bus.close();
    }

    @Test
    void post_malformedJson_answers400ValidationException() throws Exception {
        HttpResponse<String> response = post("AWSEvents.PutEvents", "{\"Entries\": [");

        assertEquals(400, response.statusCode());
        assertEquals("ValidationException", mapper.readTree(response.body()).get("__type").asText());
    }

    @Test
    void post_unknownTarget_answersUnknownOperationException() throws Exception {
        HttpResponse<String> response = post("AWSEvents.ListRules", "{}");

        assertEquals(400, response.statusCode());
        assertEquals("UnknownOperationException", mapper.readTree(response.body()).get("__type").asText());
    }

    @Test
    void post_isoTimeAndCliShape_acceptedWithJsonContentType() throws Exception {
        String body = "{\"Entries\":[{\"Source\":\"cli\",\"DetailType\":\"T\",\"Detail\":\"{\\\"a\\\":1}\","
                + "\"Time\":\"2026-01-02T03:04:05Z\"}]}";

        HttpResponse<String> response = post("AWSEvents.PutEvents", body);

        JsonNode answer = mapper.readTree(response.body());
        assertEquals(200, response.statusCode());
        assertEquals("application/x-amz-json-1.1", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(0, answer.get("FailedEntryCount").asInt());
        assertEquals(36, answer.get("Entries").get(0).get("EventId").asText().length());
    }

    private HttpResponse<String> post(String target, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(endpoint.uri())
                .timeout(Duration.ofSeconds(10))
                .header("X-Amz-Target", target)
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
