package com.mplifecycle.functions.lifecycle;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.mplifecycle.aws.store.EventChunkCodec;
import com.mplifecycle.aws.store.TableKeys;
import com.mplifecycle.domain.event.TrackedEvent;

/**
 * One stream record of the events table, read back into the chunk it carries. {@code receivedAt}
 * is when ingest stored the chunk (its {@code rcv} attribute, else the stream's approximate
 * creation time, which is truncated and so never later than the truth); null when neither is there.
 */
record ChunkRecord(String sequenceNumber, String customerKey, String openid, List<TrackedEvent> events,
                   Instant receivedAt) {
    /** Reads a record; throws IllegalArgumentException when its image is not a chunk. */
    static ChunkRecord from(DynamodbEvent.DynamodbStreamRecord record) {
        if (record.getDynamodb() == null) {
            throw new IllegalArgumentException("record has no dynamodb section");
        }
        Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
        if (image == null) {
            throw new IllegalArgumentException("record has no new image");
        }
        String pk = string(image, TableKeys.PK);
        TableKeys.appOf(pk);
        AttributeValue openid = image.get(EventChunkCodec.OPENID);
        return new ChunkRecord(record.getDynamodb().getSequenceNumber(), pk,
                openid == null ? null : openid.getS(), EventChunkCodec.parseEvents(image.get(EventChunkCodec.EVENTS)),
                receivedAt(record, image));
    }

    /** Whether the chunk certainly reached the events table after an erasure at {@code erasedAt}. */
    boolean receivedAfter(Instant erasedAt) {
        return receivedAt != null && receivedAt.isAfter(erasedAt);
    }

    private static Instant receivedAt(DynamodbEvent.DynamodbStreamRecord record, Map<String, AttributeValue> image) {
        AttributeValue rcv = image.get(EventChunkCodec.RECEIVED);
        if (rcv != null && rcv.getN() != null) {
            return Instant.ofEpochMilli(Long.parseLong(rcv.getN()));
        }
        Date approximate = record.getDynamodb().getApproximateCreationDateTime();
        return approximate == null ? null : approximate.toInstant();
    }

    static boolean isRemoval(DynamodbEvent.DynamodbStreamRecord record) {
        return "REMOVE".equals(record.getEventName());
    }

    private static String string(Map<String, AttributeValue> image, String name) {
        AttributeValue v = image.get(name);
        if (v == null || v.getS() == null) {
            throw new IllegalArgumentException("record lacks string attribute " + name);
        }
        return v.getS();
    }
}
