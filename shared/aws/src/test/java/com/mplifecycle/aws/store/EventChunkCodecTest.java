package com.mplifecycle.aws.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.mplifecycle.aws.json.PlainJson;
import com.mplifecycle.domain.event.EventType;
import com.mplifecycle.domain.event.TrackedEvent;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class EventChunkCodecTest {
    private static final Instant T = Instant.parse("2026-03-01T04:00:00Z");

    /** A request's worth of events as the mini-program SDK sends them: page views, a cart, an order. */
    private static List<TrackedEvent> requestOf(int n) {
        List<TrackedEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(new TrackedEvent("6f1c1d1e-7b2a-4c3d-9e8f-" + String.format("%012d", i), EventType.PAGE_VIEW,
                    T.plusSeconds(7L * i), Map.of("page", "/pages/goods/detail?id=" + (1000 + i), "dwellMs", 1200L + i)));
        }
        events.add(new TrackedEvent("6f1c1d1e-7b2a-4c3d-9e8f-ffffffffffff", EventType.ORDER_PAID, T.plusSeconds(99),
                Map.of("orderId", "o-20260301-0001", "amountFen", 12800L)));
        return events;
    }

    @Test
    void eventsAttribute_requestOfTwelveEvents_isDeflatedBinaryAFractionOfTheText() {
        List<TrackedEvent> events = requestOf(12);

        AttributeValue ev = EventChunkCodec.eventsAttribute(events);

        assertNotNull(ev.b());
        assertNull(ev.s());
        int text = EventChunkCodec.eventsJson(events).getBytes(StandardCharsets.UTF_8).length;
        assertTrue(ev.b().asByteArray().length < text / 2, ev.b().asByteArray().length + " of " + text);
        assertEquals(DeflatedJson.FORMAT_DEFLATE, ev.b().asByteArray()[0]);
    }

    @Test
    void parseEvents_deflatedAttribute_givesTheEventsBack() {
        List<TrackedEvent> events = requestOf(12);

        assertEquals(EventChunkCodec.parseEvents(EventChunkCodec.eventsJson(events)),
                EventChunkCodec.parseEvents(EventChunkCodec.eventsAttribute(events)));
        assertEquals(events.size(), EventChunkCodec.parseEvents(EventChunkCodec.eventsAttribute(events)).size());
    }

    @Test
    void eventsAttribute_isTheSmallerOfBinaryAndText() {
        for (int n = 0; n < 4; n++) {
            List<TrackedEvent> events = requestOf(n);
            AttributeValue ev = EventChunkCodec.eventsAttribute(events);
            int text = EventChunkCodec.eventsJson(events).getBytes(StandardCharsets.UTF_8).length;

            int stored = ev.b() != null ? ev.b().asByteArray().length : ev.s().getBytes(StandardCharsets.UTF_8).length;

            assertTrue(stored <= text);
            assertEquals(events, EventChunkCodec.parseEvents(ev));
        }
    }

    /** Chunks written before compression hold the JSON text: they stay readable. */
    @Test
    void parseEvents_textAttributeOfOlderChunks_readsAsBefore() {
        String stored = "[{\"i\":\"e1\",\"t\":\"app_launch\",\"ts\":1772337590000,\"p\":{\"scene\":1047}}]";

        List<TrackedEvent> events = EventChunkCodec.parseEvents(AttributeValue.fromS(stored));

        assertEquals(List.of(new TrackedEvent("e1", EventType.APP_LAUNCH, Instant.ofEpochMilli(1772337590000L),
                Map.of("scene", 1047L))), events);
    }

    @Test
    void parseEvents_streamImageAttribute_binaryOrText() {
        List<TrackedEvent> events = requestOf(12);
        byte[] packed = EventChunkCodec.eventsAttribute(events).b().asByteArray();
        // as Lambda delivers a stream image's attribute: DynamoDB's attribute-value JSON, binaries in base64
        Map<String, Object> binary = Map.of("B", java.util.Base64.getEncoder().encodeToString(packed));
        Map<String, Object> text = Map.of("S", EventChunkCodec.eventsJson(events));

        assertEquals(events, EventChunkCodec.parseEvents(binary));
        assertEquals(events, EventChunkCodec.parseEvents(text));
        assertEquals("events attribute is not base64", assertThrows(IllegalArgumentException.class,
                () -> EventChunkCodec.parseEvents(Map.of("B", "%%%"))).getMessage());
        assertEquals("events attribute is neither binary nor text", assertThrows(IllegalArgumentException.class,
                () -> EventChunkCodec.parseEvents(Map.of("N", "1"))).getMessage());
    }

    /** The local runtime writes chunks from many threads at once: each compresses with its own deflater. */
    @Test
    void eventsAttribute_manyThreadsAtOnce_eachChunkReadsBackAsWritten() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i % 20;
                results.add(pool.submit(() -> EventChunkCodec.parseEvents(EventChunkCodec.eventsAttribute(requestOf(n)))
                        .equals(requestOf(n))));
            }
            for (java.util.concurrent.Future<Boolean> r : results) {
                assertTrue(r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parseEvents_unknownFormatOrCorruptData_isRejected() {
        byte[] packed = EventChunkCodec.eventsAttribute(requestOf(12)).b().asByteArray();
        byte[] otherFormat = packed.clone();
        otherFormat[0] = 2;
        byte[] truncated = java.util.Arrays.copyOf(packed, packed.length / 2);

        assertThrows(IllegalArgumentException.class, () -> EventChunkCodec.parseEvents(otherFormat));
        assertThrows(IllegalArgumentException.class, () -> EventChunkCodec.parseEvents(truncated));
        assertThrows(IllegalArgumentException.class, () -> EventChunkCodec.parseEvents(
                AttributeValue.fromB(SdkBytes.fromByteArray(new byte[0]))));
        assertThrows(IllegalArgumentException.class, () -> EventChunkCodec.parseEvents((AttributeValue) null));
    }

    @Test
    void eventsJson_writtenFieldByField_isTheTextThePlainWriterGivesForTheSameMaps() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("sku", "杯子-\"大\"\n");
        nested.put("qty", 2L);
        nested.put("price", 12.5);
        nested.put("tags", List.of("新品", true, 3L));
        List<TrackedEvent> events = new ArrayList<>(requestOf(3));
        events.add(new TrackedEvent("e-nested", EventType.ADD_TO_CART, T, nested));
        events.add(new TrackedEvent("e-bare", EventType.APP_LAUNCH, T, Map.of()));

        List<Map<String, Object>> maps = new ArrayList<>();
        for (TrackedEvent e : events) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("i", e.eventId());
            m.put("t", e.type().wireName());
            m.put("ts", e.ts().toEpochMilli());
            if (!e.props().isEmpty()) {
                m.put("p", e.props());
            }
            maps.add(m);
        }

        assertEquals(PlainJson.write(maps), EventChunkCodec.eventsJson(events));
        assertEquals(EventChunkCodec.eventsJson(events),
                new String(EventChunkCodec.eventsUtf8(events), StandardCharsets.UTF_8));
    }

    @Test
    void attribute_documentThatDeflateDoesNotShrink_isStoredAsTheText() {
        AttributeValue tiny = DeflatedJson.attribute("[1]".getBytes(StandardCharsets.UTF_8));
        AttributeValue chunk = DeflatedJson.attribute(EventChunkCodec.eventsUtf8(requestOf(12)));

        assertNull(tiny.b());
        assertEquals("[1]", tiny.s());
        assertNotNull(chunk.b());
        assertEquals(EventChunkCodec.eventsJson(requestOf(12)), DeflatedJson.text(chunk, "events attribute"));
    }
}
