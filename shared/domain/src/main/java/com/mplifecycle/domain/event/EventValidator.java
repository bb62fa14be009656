package com.mplifecycle.domain.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a batch of parsed events (JSON objects as maps) one by one. Each event is accepted
 * with its normalised props or rejected with a reason; one bad event never rejects the batch.
 */
public final class EventValidator {
    /** Most events one request may carry. */
    public static final int MAX_EVENTS = 100;
    static final Duration MAX_FUTURE = Duration.ofHours(24);
    static final Duration MAX_AGE = Duration.ofDays(30);
    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final Clock clock;

    public EventValidator(Clock clock) {
        this.clock = clock;
    }

    public List<EventDecision> validate(List<?> rawEvents) {
        Instant now = clock.instant();
        Set<String> seen = new HashSet<>();
        List<EventDecision> decisions = new ArrayList<>(rawEvents.size());
        for (int i = 0; i < rawEvents.size(); i++) {
            EventDecision decision = validateOne(i, rawEvents.get(i), now);
            if (decision instanceof EventDecision.Accepted accepted && !seen.add(accepted.event().eventId())) {
                decision = new EventDecision.Rejected(i, accepted.event().eventId(), "duplicate eventId in this batch");
            }
            decisions.add(decision);
        }
        return decisions;
    }

    private EventDecision validateOne(int index, Object raw, Instant now) {
        if (!(raw instanceof Map<?, ?> event)) {
            return new EventDecision.Rejected(index, null, "event must be a JSON object");
        }
        Object rawId = event.get("eventId");
        String eventId = rawId instanceof String s && EVENT_ID.matcher(s).matches() ? s : null;
        String reportedId = rawId instanceof String s && s.length() <= 64 ? s : null;
        if (eventId == null) {
            return new EventDecision.Rejected(index, reportedId,
                    "eventId must be a string of 1 to 64 letters, digits or . _ : -");
        }
        Optional<EventType> type = event.get("type") instanceof String t ? EventType.fromWireName(t) : Optional.empty();
        if (type.isEmpty()) {
            return new EventDecision.Rejected(index, eventId, event.get("type") == null ? "type is required"
                    : "unknown event type");
        }
        if (type.get().serverOnly()) {
            return new EventDecision.Rejected(index, eventId, "type " + type.get().wireName()
                    + " is reserved for the merchant's server (POST /v1/apps/{appId}/orders and /refunds)");
        }
        Object ts = event.get("ts");
        if (!(ts instanceof Integer || ts instanceof Long)) {
            return new EventDecision.Rejected(index, eventId, "ts must be an integer (epoch milliseconds)");
        }
        Instant at = Instant.ofEpochMilli(((Number) ts).longValue());
        if (at.isAfter(now.plus(MAX_FUTURE))) {
            return new EventDecision.Rejected(index, eventId, "ts is more than 24 hours in the future");
        }
        if (at.isBefore(now.minus(MAX_AGE))) {
            return new EventDecision.Rejected(index, eventId, "ts is older than 30 days");
        }
        Object props = event.containsKey("props") ? event.get("props") : Map.of();
        if (!(props instanceof Map<?, ?> propMap)) {
            return new EventDecision.Rejected(index, eventId, "props must be a JSON object");
        }
        try {
            return new EventDecision.Accepted(index, new TrackedEvent(eventId, type.get(), at,
                    normaliseProps(type.get(), propMap)));
        } catch (PropRejected e) {
            return new EventDecision.Rejected(index, eventId, e.getMessage());
        }
    }

    private static Map<String, Object> normaliseProps(EventType type, Map<?, ?> props) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (EventSchema.Field field : EventSchema.fieldsOf(type)) {
            Object value = props.get(field.name());
            if (value == null) {
                if (field.required()) {
                    throw new PropRejected("props." + field.name() + " is required");
                }
                continue;
            }
            try {
                out.put(field.name(), field.kind().normalise(value));
            } catch (FieldKind.InvalidField e) {
                throw new PropRejected("props." + field.name() + " " + e.getMessage());
            }
        }
        if (type == EventType.PROFILE_UPDATE && out.isEmpty()) {
            throw new PropRejected("props must set at least one of birthday, gender, region, tags");
        }
        return out;
    }

    private static final class PropRejected extends RuntimeException {
        PropRejected(String reason) {
            super(reason, null, false, false);
        }
    }
}
