package com.mplifecycle.aws.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.mplifecycle.aws.json.PlainJson;
import com.mplifecycle.aws.store.EventChunkCodec;
import com.mplifecycle.domain.event.EventType;
import com.mplifecycle.domain.event.TrackedEvent;

/** Stream records as Lambda delivers them (the JSON of events/lifecycle-stream.json), read into chunks. */
class ChunkRecordTest {
    private static final List<TrackedEvent> EVENTS = List.of(
            new TrackedEvent("e1", EventType.APP_LAUNCH, Instant.ofEpochMilli(1772337590000L), Map.of("scene", 1047L)));

    @Test
    void from_sampleStreamEvent_readsEachRecordsChunk() throws Exception {
        Map<?, ?> event = (Map<?, ?>) PlainJson.read(Files.readAllBytes(Path.of("../../events/lifecycle-stream.json")));
        Map<?, ?> first = (Map<?, ?>) ((List<?>) event.get("Records")).get(0);

        ChunkRecord chunk = ChunkRecord.from(first);

        assertEquals("100000000000000000001", chunk.sequenceNumber());
        assertEquals("demo#c_0123456789abcdef01234567", chunk.customerKey());
        assertEquals("oSample0000000000000000000001", chunk.openid());
        assertEquals(List.of("6f1c1d1e-0001", "6f1c1d1e-0004"), chunk.events().stream().map(TrackedEvent::eventId).toList());
        assertEquals(Instant.ofEpochSecond(1772337600), chunk.receivedAt(), "no rcv: the stream's creation time");
        assertFalse(ChunkRecord.isRemoval(first));
    }

    @Test
    void from_binaryEventsAndReceivedTime_asIngestWritesThem() {
        byte[] packed = EventChunkCodec.eventsAttribute(EVENTS).b().asByteArray();
        Map<String, Object> record = record(Map.of("pk", Map.of("S", "shop#c_1"),
                "ev", Map.of("B", Base64.getEncoder().encodeToString(packed)), "rcv", Map.of("N", "1772337595123")),
                1772337600.5);

        ChunkRecord chunk = ChunkRecord.from(record);

        assertEquals(EVENTS, chunk.events());
        assertNull(chunk.openid());
        assertEquals(Instant.ofEpochMilli(1772337595123L), chunk.receivedAt());
        assertTrue(chunk.receivedAfter(Instant.ofEpochMilli(1772337595122L)));
    }

    @Test
    void from_fractionalCreationTime_withoutRcv_keepsTheMilliseconds() {
        Map<String, Object> record = record(Map.of("pk", Map.of("S", "shop#c_1"),
                "ev", Map.of("S", EventChunkCodec.eventsJson(EVENTS))), 1772337600.25);

        assertEquals(Instant.ofEpochMilli(1772337600250L), ChunkRecord.from(record).receivedAt());
    }

    @Test
    void from_recordsThatAreNotChunks_clearErrors_sequenceNumberStillKnown() {
        assertEquals("record has no dynamodb section",
                refused(Map.of("eventName", "INSERT")));
        assertEquals("record has no new image",
                refused(Map.of("dynamodb", Map.of("SequenceNumber", "7"))));
        assertEquals("record lacks string attribute pk",
                refused(record(Map.of("ev", Map.of("S", "[]")), null)));
        assertEquals("chunk lacks its events attribute",
                refused(record(Map.of("pk", Map.of("S", "shop#c_1")), null)));
        assertEquals("record attribute ev is not an attribute value",
                refused(record(Map.of("pk", Map.of("S", "shop#c_1"), "ev", "[]"), null)));
        assertEquals("7", ChunkRecord.sequenceNumber(record(Map.of(), null)));
        assertNull(ChunkRecord.sequenceNumber(Map.of()));
        assertTrue(ChunkRecord.isRemoval(Map.of("eventName", "REMOVE")));
    }

    private static Map<String, Object> record(Map<String, Object> image, Double approximateSeconds) {
        Map<String, Object> dynamodb = new java.util.LinkedHashMap<>();
        dynamodb.put("NewImage", image);
        dynamodb.put("SequenceNumber", "7");
        if (approximateSeconds != null) {
            dynamodb.put("ApproximateCreationDateTime", approximateSeconds);
        }
        return Map.of("eventName", "INSERT", "dynamodb", dynamodb);
    }

    private static String refused(Map<String, Object> record) {
        return assertThrows(IllegalArgumentException.class, () -> ChunkRecord.from(record)).getMessage();
    }
}
