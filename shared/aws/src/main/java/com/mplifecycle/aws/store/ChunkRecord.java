package com.mplifecycle.aws.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;



import com.mplifecycle.domain.event.TrackedEvent;

/**
 * One stream record of the events table, as Lambda delivers it in the event's {@code Records}
 * (plain JSON values: {@code eventName}, {@code dynamodb.NewImage} in DynamoDB's attribute-value
 * JSON, {@code dynamodb.SequenceNumber}), read back into the chunk it carries. {@code receivedAt}
 * is when ingest stored the chunk (its {@code rcv} attribute, else the stream's approximate
 * creation time, which is truncated and so never later than the truth); null when neither is there.
 */
public record ChunkRecord(String sequenceNumber, String customerKey, String openid, List<TrackedEvent> events,
                   Instant receivedAt) {
    /** Reads a record; throws IllegalArgumentException when its image is not a chunk. */
    public static ChunkRecord from(Map<?, ?> record) {
        Map<?, ?> dynamodb = dynamodb(record);
        if (dynamodb == null) {
            throw new IllegalArgumentException("record has no dynamodb section");
        }
        if (!(dynamodb.get("NewImage") instanceof Map<?, ?> image)) {
            throw new IllegalArgumentException("record has no new image");
        }
        String pk = string(image, TableKeys.PK);
        TableKeys.appOf(pk);
        Map<?, ?> openid = attribute(image, EventChunkCodec.OPENID);
        return new ChunkRecord(sequenceNumber(record), pk, openid == null ? null : text(openid.get("S")),
                EventChunkCodec.parseEvents(attribute(image, EventChunkCodec.EVENTS)), receivedAt(dynamodb, image));
    }

    /** The record's sequence number, its batch item identifier; null when the record has none. */
    public static String sequenceNumber(Map<?, ?> record) {
        Map<?, ?> dynamodb = dynamodb(record);
        return dynamodb == null ? null : text(dynamodb.get("SequenceNumber"));
    }

    public static boolean isRemoval(Map<?, ?> record) {
        return "REMOVE".equals(record.get("eventName"));
    }

    /** Whether the chunk certainly reached the events table after an erasure at {@code erasedAt}. */
    public boolean receivedAfter(Instant erasedAt) {
        return receivedAt != null && receivedAt.isAfter(erasedAt);
    }

    private static Map<?, ?> dynamodb(Map<?, ?> record) {
        return record.get("dynamodb") instanceof Map<?, ?> m ? m : null;
    }

    private static Instant receivedAt(Map<?, ?> dynamodb, Map<?, ?> image) {
        Map<?, ?> rcv = attribute(image, EventChunkCodec.RECEIVED);
        if (rcv != null && rcv.get("N") instanceof String n) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(n));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("record's received time is not a whole number");
            }
        }
        // Lambda sends epoch seconds as a JSON number (fractional on some streams)
        return dynamodb.get("ApproximateCreationDateTime") instanceof Number seconds
                ? Instant.ofEpochMilli(Math.round(seconds.doubleValue() * 1000)) : null;
    }

    private static Map<?, ?> attribute(Map<?, ?> image, String name) {
        Object value = image.get(name);
        if (value != null && !(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("record attribute " + name + " is not an attribute value");
        }
        return (Map<?, ?>) value;
    }

    private static String string(Map<?, ?> image, String name) {
        Map<?, ?> v = attribute(image, name);
        String s = v == null ? null : text(v.get("S"));
        if (s == null) {
            throw new IllegalArgumentException("record lacks string attribute " + name);
        }
        return s;
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }
}
