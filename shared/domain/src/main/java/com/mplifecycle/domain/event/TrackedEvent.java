package com.mplifecycle.domain.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One validated tracking event. {@code props} holds only the fields its type defines, already
 * checked and normalised (strings, {@link Long}s, booleans, lists and maps of those).
 */
public record TrackedEvent(String eventId, EventType type, Instant ts, Map<String, Object> props) {
    public TrackedEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ts, "ts");
        props = Map.copyOf(props);
    }

    public String string(String key) {
        return (String) props.get(key);
    }

    public long number(String key) {
        return ((Number) props.get(key)).longValue();
    }

    public boolean has(String key) {
        return props.containsKey(key);
    }
}
