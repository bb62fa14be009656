package com.mplifecycle.devtools.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Builds the envelope EventBridge wraps around an entry; rules match it and targets receive it. */
final class EventEnvelope {
    static final String ACCOUNT = "000000000000";
    static final String REGION = "us-east-1";

    private EventEnvelope() {
    }

    static ObjectNode of(ObjectMapper mapper, String id, EventEntry entry, ObjectNode detail, Instant time) {
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("version", "0");
        envelope.put("id", id);
        envelope.put("detail-type", entry.detailType());
        envelope.put("source", entry.source());
        envelope.put("account", ACCOUNT);
        // EventBridge stamps whole seconds: 2024-05-01T12:00:00Z
        envelope.put("time", DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.SECONDS)));
        envelope.put("region", REGION);
        ArrayNode resources = envelope.putArray("resources");
        entry.resources().forEach(resources::add);
        envelope.set("detail", detail);
        return envelope;
    }
}
