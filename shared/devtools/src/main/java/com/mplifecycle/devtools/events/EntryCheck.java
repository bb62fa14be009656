package com.mplifecycle.devtools.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * The per-entry checks EventBridge makes before accepting an event. Anything found here fails only its
 * entry; the other entries of the same call still go through.
 */
final class EntryCheck {
    static final int MAX_ENTRY_BYTES = 256 * 1024;
    private static final int TIME_BYTES = 14;  // how AWS counts a Time field in the entry size

    private final ObjectMapper mapper;

    EntryCheck(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Returns the parsed detail of a valid entry. */
    ObjectNode validDetail(EventEntry entry, RuleRegistry registry) throws EntryRejected {
        require(entry.source(), "Source");
        require(entry.detailType(), "DetailType");
        require(entry.detail(), "Detail");
        int size = sizeOf(entry);
        if (size > MAX_ENTRY_BYTES) {
            throw new EntryRejected("InvalidArgument",
                    "Entry size " + size + " bytes exceeds the limit of " + MAX_ENTRY_BYTES + " bytes.");
        }
        if (!registry.hasBus(LocalEventBus.busNameOf(entry.eventBusName()))) {
            throw new EntryRejected("ResourceNotFoundException",
                    "Event bus " + entry.eventBusName() + " does not exist.");
        }
        return parseDetail(entry.detail());
    }

    private static void require(String value, String field) throws EntryRejected {
        if (value == null || value.isBlank()) {
            throw new EntryRejected("InvalidArgument",
                    "Parameter " + field + " is not valid. Reason: " + field + " is a required argument.");
        }
    }

    private ObjectNode parseDetail(String detail) throws EntryRejected {
        try {
            JsonNode node = mapper.readTree(detail);
            if (node instanceof ObjectNode) {
                return (ObjectNode) node;
            }
        } catch (JsonProcessingException e) {
            // reported below, the same way as valid JSON that is not an object
        }
        throw new EntryRejected("MalformedDetail", "Detail is malformed.");
    }

    private static int sizeOf(EventEntry entry) {
        int size = entry.time() == null ? 0 : TIME_BYTES;
        size += utf8Length(entry.source()) + utf8Length(entry.detailType()) + utf8Length(entry.detail());
        for (String resource : entry.resources()) {
            size += utf8Length(resource);
        }
        return size;
    }

    private static int utf8Length(String value) {
        return value.getBytes(StandardCharsets.UTF_8).length;
    }
}
