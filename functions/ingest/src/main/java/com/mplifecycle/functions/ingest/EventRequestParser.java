package com.mplifecycle.functions.ingest;

import java.util.List;

import com.mplifecycle.aws.http.BadRequestException;
import com.mplifecycle.aws.http.JsonBody;

/**
 * Turns a {@code POST /v1/events} body into the list of raw events, or a 400/413 with the reason. Public
 * for the bench's breakdown of the ingest path.
 */
public final class EventRequestParser {
    private final int maxBodyBytes;
    private final int maxEvents;

    public EventRequestParser(int maxBodyBytes, int maxEvents) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxEvents = maxEvents;
    }

    public List<?> events(byte[] body) {
        Object value = JsonBody.object(body, maxBodyBytes, "{\"events\":[...]}").get("events");
        if (!(value instanceof List<?> events)) {
            throw new BadRequestException(400, "events must be an array");
        }
        if (events.isEmpty()) {
            throw new BadRequestException(400, "events must not be empty");
        }
        if (events.size() > maxEvents) {
            throw new BadRequestException(413, "at most " + maxEvents + " events per request");
        }
        return events;
    }
}
