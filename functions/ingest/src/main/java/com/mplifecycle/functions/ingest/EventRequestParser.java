package com.mplifecycle.functions.ingest;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.http.BadRequestException;
import com.mplifecycle.aws.json.Json;

/** Turns a {@code POST /v1/events} body into the list of raw events, or a 400/413 with the reason. */
final class EventRequestParser {
    private final int maxBodyBytes;
    private final int maxEvents;

    EventRequestParser(int maxBodyBytes, int maxEvents) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxEvents = maxEvents;
    }

    byte[] checkSize(byte[] body) {
        if (body == null || body.length == 0) {
            throw new BadRequestException(400, "body is required");
        }
        if (body.length > maxBodyBytes) {
            throw new BadRequestException(413, "body is larger than " + maxBodyBytes + " bytes");
        }
        return body;
    }

    List<?> events(byte[] body) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (Exception e) {
            throw new BadRequestException(400, "body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new BadRequestException(400, "body must be a JSON object {\"events\":[...]}");
        }
        JsonNode events = root.get("events");
        if (events == null || !events.isArray()) {
            throw new BadRequestException(400, "events must be an array");
        }
        if (events.isEmpty()) {
            throw new BadRequestException(400, "events must not be empty");
        }
        if (events.size() > maxEvents) {
            throw new BadRequestException(413, "at most " + maxEvents + " events per request");
        }
        return Json.MAPPER.convertValue(events, List.class);
    }
}
