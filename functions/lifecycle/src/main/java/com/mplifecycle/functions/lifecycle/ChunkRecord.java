package com.mplifecycle.functions.lifecycle;

import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.mplifecycle.aws.store.EventChunkCodec;
import com.mplifecycle.aws.store.TableKeys;
import com.mplifecycle.domain.event.TrackedEvent;

/** One stream record of the events table, read back into the chunk it carries. */
record ChunkRecord(String sequenceNumber, String customerKey, String openid, List<TrackedEvent> events) {
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
                openid == null ? null : openid.getS(), EventChunkCodec.parseEvents(string(image, EventChunkCodec.EVENTS)));
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
