package com.mplifecycle.devtools.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a PutEvents request and writes its answer in the AWS JSON 1.1 shape the SDKs and the CLI expect.
 */
final class PutEventsCodec {
    static final int MAX_ENTRIES = 10;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PutEventsCodec() {
    }

    static List<EventEntry> readRequest(byte[] body) throws RequestRejected {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new RequestRejected("ValidationException", "Request body is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw new RequestRejected("ValidationException", "Request body must be a JSON object.");
        }
        JsonNode entries = root.get("Entries");
        if (entries == null || !entries.isArray() || entries.isEmpty()) {
            throw validation("'entries' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }
        if (entries.size() > MAX_ENTRIES) {
            throw validation("'entries' failed to satisfy constraint: Member must have length less than or equal to "
                    + MAX_ENTRIES);
        }
        List<EventEntry> result = new ArrayList<>(entries.size());
        for (JsonNode entry : entries) {
            result.add(readEntry(entry));
        }
        return result;
    }

    private static EventEntry readEntry(JsonNode entry) throws RequestRejected {
        if (!entry.isObject()) {
            throw validation("each member of 'entries' must be an object");
        }
        List<String> resources = new ArrayList<>();
        JsonNode resourceNodes = entry.path("Resources");
        if (resourceNodes.isArray()) {
            resourceNodes.forEach(node -> resources.add(node.asText()));
        }
        return new EventEntry(text(entry, "Source"), text(entry, "DetailType"), text(entry, "Detail"),
                text(entry, "EventBusName"), resources, time(entry.get("Time")));
    }

    private static String text(JsonNode entry, String field) {
        JsonNode node = entry.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        // Detail is a string on the wire; tolerate a raw object from hand-written requests
        return node.isValueNode() ? node.asText() : node.toString();
    }

    /** The SDKs send epoch seconds (possibly fractional); hand-written requests often send ISO-8601. */
    private static Instant time(JsonNode node) throws RequestRejected {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            if (node.isNumber()) {
                return epochSeconds(node.decimalValue());
            }
            String text = node.asText();
            return text.matches("-?\\d+(\\.\\d+)?") ? epochSeconds(new BigDecimal(text)) : Instant.parse(text);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw validation("'Time' is not a valid timestamp: " + node);
        }
    }

    private static Instant epochSeconds(BigDecimal seconds) {
        BigDecimal whole = new BigDecimal(seconds.toBigInteger());
        long nanos = seconds.subtract(whole).movePointRight(9).longValue();
        return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    }

    private static RequestRejected validation(String constraint) {
        return new RequestRejected("ValidationException", "1 validation error detected: Value at " + constraint);
    }

    static byte[] writeResponse(PublishResult result) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("FailedEntryCount", result.failedEntryCount());
        ArrayNode entries = root.putArray("Entries");
        for (EntryResult entry : result.entries()) {
            ObjectNode node = entries.addObject();
            if (entry.isFailure()) {
                node.put("ErrorCode", entry.errorCode());
                node.put("ErrorMessage", entry.errorMessage());
            } else {
                node.put("EventId", entry.eventId());
            }
        }
        return bytes(root);
    }

    static byte[] writeError(String type, String message) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("__type", type);
        root.put("message", message);
        return bytes(root);
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
