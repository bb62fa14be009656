package com.mplifecycle.aws.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mplifecycle.aws.json.Jsonbs;
import com.mplifecycle.domain.event.EventType;
import com.mplifecycle.domain.event.TrackedEvent;

import io.avaje.jsonb.Json;
import io.avaje.jsonb.JsonType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Item ↔ chunk mapping of the events table, the one codec every reader of chunks goes through.
 * Events are one JSON array with short keys ({@code i} id, {@code t} type, {@code ts} epoch ms,
 * {@code p} props), stored in the {@code ev} attribute either as a binary of one format byte and
 * the raw-deflated JSON (written whenever smaller: a request's chunk of ~12 events shrinks to about
 * a third, so most chunks fit one 1 KB write unit instead of two), or as the JSON string itself
 * (tiny chunks, and every chunk written before compression existed). Readers accept both.
 */
public final class EventChunkCodec {
    public static final String OPENID = "oid";
    public static final String EVENTS = "ev";
    /** When ingest accepted the chunk, epoch ms: erasure compares it with its own time. */
    public static final String RECEIVED = "rcv";

    private EventChunkCodec() {
    }

    /** The {@code ev} attribute of a chunk item: deflated binary when smaller than the JSON, else the JSON. */
    public static AttributeValue eventsAttribute(List<TrackedEvent> events) {
        return DeflatedJson.attribute(eventsUtf8(events));
    }

    /** The events of an item's {@code ev} attribute, binary or string. */
    public static List<TrackedEvent> parseEvents(AttributeValue ev) {
        if (ev == null) {
            throw new IllegalArgumentException("chunk lacks its events attribute");
        }
        return ev.b() != null ? parseEvents(ev.b().asByteArrayUnsafe()) : parseEvents(ev.s());
    }

    /**
     * The events of a stream image's {@code ev} attribute in DynamoDB's attribute-value JSON, as Lambda
     * delivers stream records: {@code {"B": "<base64>"}} or {@code {"S": "<json>"}}.
     */
    public static List<TrackedEvent> parseEvents(Map<?, ?> streamAttribute) {
        if (streamAttribute == null) {
            throw new IllegalArgumentException("chunk lacks its events attribute");
        }
        if (streamAttribute.get("B") instanceof String base64) {
            try {
                return parseEvents(Base64.getDecoder().decode(base64));
            } catch (IllegalArgumentException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("Illegal base64")) {
                    throw new IllegalArgumentException("events attribute is not base64", e);
                }
                throw e;
            }
        }
        if (streamAttribute.get("S") instanceof String json) {
            return parseEvents(json);
        }
        throw new IllegalArgumentException("events attribute is neither binary nor text");
    }

    /** The events of a binary {@code ev}: a format byte, then the deflated JSON. */
    public static List<TrackedEvent> parseEvents(byte[] packed) {
        return parseEvents(DeflatedJson.text(packed, "events attribute"));
    }

    public static String eventsJson(List<TrackedEvent> events) {
        return new String(eventsUtf8(events), StandardCharsets.UTF_8);
    }

    /** The events JSON as UTF-8, written straight from the events (the ingest path's one copy). */
    static byte[] eventsUtf8(List<TrackedEvent> events) {
        List<StoredEvent> stored = new ArrayList<>(events.size());
        for (TrackedEvent e : events) {
            stored.add(new StoredEvent(e.eventId(), e.type().wireName(), e.ts().toEpochMilli(),
                    e.props().isEmpty() ? null : e.props()));
        }
        return STORED_EVENTS.toJsonBytes(stored);
    }

    /** Parses what {@link #eventsJson} wrote; numbers come back as {@link Long}. */
    public static List<TrackedEvent> parseEvents(String json) {
        if (json == null) {
            throw new IllegalArgumentException("chunk lacks its events attribute");
        }
        List<StoredEvent> stored;
        try {
            stored = STORED_EVENTS.fromJson(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("events attribute is not a JSON array of events", e);
        }
        if (stored == null) {
            throw new IllegalArgumentException("events attribute is not a JSON array of events");
        }
        List<TrackedEvent> events = new ArrayList<>(stored.size());
        for (StoredEvent e : stored) {
            EventType type = EventType.fromWireName(String.valueOf(e.t()))
                    .orElseThrow(() -> new IllegalArgumentException("unknown stored event type"));
            events.add(new TrackedEvent(e.i(), type, Instant.ofEpochMilli(e.ts()),
                    e.p() == null ? Map.of() : widen(e.p())));
        }
        return events;
    }

    /** One stored event, with the short keys that keep chunks small: id, type, epoch ms, props. */
    @Json
    record StoredEvent(String i, String t, long ts, Map<String, Object> p) {
    }

    private static final JsonType<List<StoredEvent>> STORED_EVENTS = Jsonbs.JSONB.type(StoredEvent.class).list();

    /** Small whole numbers are read as Integer; the domain expects Long everywhere. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> widen(Map<String, Object> props) {
        Map<String, Object> out = new LinkedHashMap<>();
        props.forEach((k, v) -> out.put(k, widenValue(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object widenValue(Object v) {
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof Map<?, ?> m) {
            return widen((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(EventChunkCodec::widenValue).toList();
        }
        return v;
    }
}
