package com.mplifecycle.devtools.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/** Drives the endpoint with the real AWS SDK over a real socket. */
class EventBridgeEndpointTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Instant NOW = Instant.parse("2026-03-01T08:30:15.750Z");
    private static final String PURCHASE_PATTERN =
            "{\"source\":[\"mp.ingest\"],\"detail-type\":[\"TrackingEventRecorded\"],"
                    + "\"detail\":{\"eventType\":[\"purchase\"]}}";

    private final ObjectMapper mapper = new ObjectMapper();
    private LocalEventBus bus;
    private EventBridgeEndpoint endpoint;
    private EventBridgeClient client;

    @BeforeEach
    void startEndpoint() throws Exception {
        bus = new LocalEventBus(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMillis(5));
        endpoint = EventBridgeEndpoint.start(bus);
        client = EventBridgeClient.builder()
                .endpointOverride(endpoint.uri())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(WAIT).build())
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        endpoint.close();
        bus.close();
    }

    @Test
    void putEvents_matchingPattern_targetReceivesEnvelopeWithDetailIntact() throws Exception {
        RecordingTarget target = new RecordingTarget();
        bus.addRule("purchases", "default", PURCHASE_PATTERN, target);
        String detail = "{\"eventType\":\"purchase\",\"openId\":\"o-1\",\"amount\":129.5,\"items\":[{\"sku\":\"A\"}]}";

        PutEventsResponse response = client.putEvents(r -> r.entries(purchase(detail)));

        assertTrue(bus.awaitIdle(WAIT));
        assertEquals(0, response.failedEntryCount());
        JsonNode envelope = mapper.readTree(target.envelopes().get(0));
        assertEquals(response.entries().get(0).eventId(), envelope.get("id").asText());
        assertEquals("0", envelope.get("version").asText());
        assertEquals("mp.ingest", envelope.get("source").asText());
        assertEquals("TrackingEventRecorded", envelope.get("detail-type").asText());
        assertEquals("000000000000", envelope.get("account").asText());
        assertEquals("us-east-1", envelope.get("region").asText());
        assertEquals("2026-03-01T08:30:15Z", envelope.get("time").asText());
        assertEquals(mapper.readTree(detail), envelope.get("detail"));
    }

    @Test
    void putEvents_explicitTimeAndResources_envelopeCarriesThem() throws Exception {
        RecordingTarget target = new RecordingTarget();
        bus.addRule("purchases", "default", PURCHASE_PATTERN, target);

        client.putEvents(r -> r.entries(purchase("{\"eventType\":\"purchase\"}").toBuilder()
                .time(Instant.parse("2025-12-31T23:59:59.900Z")).resources("arn:aws:mp:::store/s1").build()));

        assertTrue(bus.awaitIdle(WAIT));
        JsonNode envelope = mapper.readTree(target.envelopes().get(0));
        assertEquals("2025-12-31T23:59:59Z", envelope.get("time").asText());
        assertEquals("arn:aws:mp:::store/s1", envelope.get("resources").get(0).asText());
    }

    @Test
    void putEvents_nonMatchingEvent_reachesNoTarget() throws Exception {
        RecordingTarget target = new RecordingTarget();
        bus.addRule("purchases", "default", PURCHASE_PATTERN, target);

        PutEventsResponse response = client.putEvents(r -> r.entries(purchase("{\"eventType\":\"view\"}")));

        assertTrue(bus.awaitIdle(WAIT));
        assertEquals(0, response.failedEntryCount());
        assertEquals(List.of(), target.envelopes());
        assertEquals(new BusCounters(1, 0, 0, 0), bus.counters());
    }

    @Test
    void putEvents_nonJsonDetailAmongValidEntries_onlyThatEntryFails() throws Exception {
        RecordingTarget target = new RecordingTarget();
        bus.addRule("purchases", "default", PURCHASE_PATTERN, target);

        PutEventsResponse response = client.putEvents(r -> r.entries(
                purchase("{\"eventType\":\"purchase\"}"),
                purchase("not json"),
                purchase("{\"eventType\":\"purchase\"}")));

        assertTrue(bus.awaitIdle(WAIT));
        assertEquals(1, response.failedEntryCount());
        assertNotNull(response.entries().get(0).eventId());
        assertEquals("MalformedDetail", response.entries().get(1).errorCode());
        assertNull(response.entries().get(1).eventId());
        assertNotNull(response.entries().get(2).eventId());
        assertEquals(2, target.envelopes().size());
    }

    @Test
    void putEvents_missingSourceOrUnknownBus_reportedPerEntry() {
        PutEventsResponse response = client.putEvents(r -> r.entries(
                PutEventsRequestEntry.builder().detailType("T").detail("{}").build(),
                purchase("{}").toBuilder().eventBusName("no-such-bus").build()));

        assertEquals(2, response.failedEntryCount());
        assertEquals("InvalidArgument", response.entries().get(0).errorCode());
        assertEquals("ResourceNotFoundException", response.entries().get(1).errorCode());
    }

    @Test
    void putEvents_customBusByArn_routesToThatBusOnly() throws Exception {
        bus.registerBus("analytics");
        RecordingTarget analytics = new RecordingTarget();
        RecordingTarget onDefault = new RecordingTarget();
        bus.addRule("purchases", "analytics", PURCHASE_PATTERN, analytics);
        bus.addRule("purchases", "default", PURCHASE_PATTERN, onDefault);

        client.putEvents(r -> r.entries(purchase("{\"eventType\":\"purchase\"}").toBuilder()
                .eventBusName("arn:aws:events:us-east-1:000000000000:event-bus/analytics").build()));

        assertTrue(bus.awaitIdle(WAIT));
        assertEquals(1, analytics.envelopes().size());
        assertEquals(List.of(), onDefault.envelopes());
    }

    @Test
    void putEvents_elevenEntries_sdkSurfacesValidationException() {
        List<PutEventsRequestEntry> entries = Collections.nCopies(11, purchase("{}"));

        EventBridgeException thrown = assertThrows(EventBridgeException.class,
                () -> client.putEvents(r -> r.entries(entries)));

        assertEquals("ValidationException", thrown.awsErrorDetails().errorCode());
        assertEquals(400, thrown.statusCode());
        assertEquals(0, bus.counters().received());
    }

    @Test
    void putEvents_noEntries_sdkSurfacesValidationException() {
        EventBridgeException thrown = assertThrows(EventBridgeException.class,
                () -> client.putEvents(r -> r.entries(List.of())));

        assertEquals("ValidationException", thrown.awsErrorDetails().errorCode());
    }

    @Test
    void putEvents_targetAlwaysThrows_deadLetteredAfterConfiguredRetries() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        bus.addRule("broken", "default", PURCHASE_PATTERN, 3, envelope -> {
            calls.incrementAndGet();
            throw new IllegalStateException("target down");
        });

        client.putEvents(r -> r.entries(purchase("{\"eventType\":\"purchase\"}")));

        assertTrue(bus.awaitIdle(WAIT));
        assertEquals(4, calls.get());
        DeadLetter dead = bus.deadLetters().get(0);
        assertEquals("broken", dead.ruleName());
        assertEquals(4, dead.attempts());
        assertTrue(dead.error().contains("target down"));
        assertEquals("purchase", mapper.readTree(dead.envelope()).get("detail").get("eventType").asText());
        assertEquals(new BusCounters(1, 1, 0, 1), bus.counters());
    }

    private static PutEventsRequestEntry purchase(String detail) {
        return PutEventsRequestEntry.builder()
                .source("mp.ingest").detailType("TrackingEventRecorded").detail(detail).build();
    }
}
