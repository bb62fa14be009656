package com.mplifecycle.aws.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mplifecycle.aws.json.PlainJson;
import com.mplifecycle.domain.event.EventType;
import com.mplifecycle.domain.event.TrackedEvent;

/**
 * Item ↔ chunk mapping of the events table. Events are one JSON array attribute with short keys
 * ({@code i} id, {@code t} type, {@code ts} epoch ms, {@code p} props): attribute names count
 * towards item size and so towards write units.
 */
public final class EventChunkCodec {
    public static final String OPENID = "oid";
    public static final String EVENTS = "ev";
    /** When ingest accepted the chunk, epoch ms: erasure compares it with its own time. */
    public static final String RECEIVED = "rcv";

    private EventChunkCodec() {
    }

    public static String eventsJson(List<TrackedEvent> events) {
        List<Map<String, Object>> out = new ArrayList<>(events.size());
        for (TrackedEvent e : events) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("i", e.eventId());
            m.put("t", e.type().wireName());
            m.put("ts", e.ts().toEpochMilli());
            if (!e.props().isEmpty()) {
                m.put("p", e.props());
            }
            out.add(m);
        }
        return PlainJson.write(out);
    }

    /** Parses what {@link #eventsJson} wrote; numbers come back as {@link Long}. */
    public static List<TrackedEvent> parseEvents(String json) {
        Object raw;
        try {
            raw = PlainJson.read(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("events attribute is not valid JSON", e);
        }
        if (!(raw instanceof List<?> list)) {
            throw new IllegalArgumentException("events attribute is not a JSON array");
        }
        List<TrackedEvent> events = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("stored event is not a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) item;
            EventType type = EventType.fromWireName(String.valueOf(m.get("t")))
                    .orElseThrow(() -> new IllegalArgumentException("unknown stored event type"));
            @SuppressWarnings("unchecked")
            Map<String, Object> props = (Map<String, Object>) m.getOrDefault("p", Map.of());
            events.add(new TrackedEvent((String) m.get("i"), type,
                    Instant.ofEpochMilli(((Number) m.get("ts")).longValue()), widen(props)));
        }
        return events;
    }

    /** Jackson reads small integers as Integer; the domain expects Long everywhere. */
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
