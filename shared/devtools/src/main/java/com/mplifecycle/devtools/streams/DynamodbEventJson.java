package com.mplifecycle.devtools.streams;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/** Renders stream records as the event Lambda passes to a DynamoDB stream consumer. */
final class DynamodbEventJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DynamodbEventJson() {
    }

    static String render(List<ReadRecord> records, String awsRegion, String streamArn) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode array = event.putArray("Records");
        for (ReadRecord read : records) {
            array.add(record(read.record(), awsRegion, streamArn));
        }
        return event.toString();
    }

    private static ObjectNode record(Record source, String awsRegion, String streamArn) {
        ObjectNode node = JSON.createObjectNode();
        node.put("eventID", source.eventID());
        node.put("eventName", source.eventNameAsString());
        node.put("eventVersion", "1.1");
        node.put("eventSource", "aws:dynamodb");
        node.put("awsRegion", awsRegion);
        node.set("dynamodb", streamRecord(source.dynamodb()));
        node.put("eventSourceARN", streamArn);
        if (source.userIdentity() != null) {
            // Present for deletes by TTL: {"type": "Service", "principalId": "dynamodb.amazonaws.com"}.
            ObjectNode identity = node.putObject("userIdentity");
            identity.put("type", source.userIdentity().type());
            identity.put("principalId", source.userIdentity().principalId());
        }
        return node;
    }

    private static ObjectNode streamRecord(StreamRecord source) {
        ObjectNode node = JSON.createObjectNode();
        if (source.approximateCreationDateTime() != null) {
            // Lambda sends epoch seconds as a JSON number.
            node.put("ApproximateCreationDateTime", source.approximateCreationDateTime().getEpochSecond());
        }
        if (source.hasKeys()) {
            node.set("Keys", attributes(source.keys()));
        }
        if (source.hasNewImage()) {
            node.set("NewImage", attributes(source.newImage()));
        }
        if (source.hasOldImage()) {
            node.set("OldImage", attributes(source.oldImage()));
        }
        node.put("SequenceNumber", source.sequenceNumber());
        node.put("SizeBytes", source.sizeBytes());
        node.put("StreamViewType", source.streamViewTypeAsString());
        return node;
    }

    private static ObjectNode attributes(Map<String, AttributeValue> values) {
        ObjectNode node = JSON.createObjectNode();
        values.forEach((name, value) -> node.set(name, attribute(value)));
        return node;
    }

    private static ObjectNode attribute(AttributeValue value) {
        ObjectNode node = JSON.createObjectNode();
        switch (value.type()) {
            case S:
                node.put("S", value.s());
                break;
            case N:
                node.put("N", value.n());
                break;
            case B:
                node.put("B", base64(value.b()));
                break;
            case BOOL:
                node.put("BOOL", value.bool());
                break;
            case NUL:
                node.put("NULL", true);
                break;
            case SS:
                value.ss().forEach(node.putArray("SS")::add);
                break;
            case NS:
                value.ns().forEach(node.putArray("NS")::add);
                break;
            case BS:
                ArrayNode binaries = node.putArray("BS");
                value.bs().forEach(bytes -> binaries.add(base64(bytes)));
                break;
            case M:
                node.set("M", attributes(value.m()));
                break;
            case L:
                ArrayNode list = node.putArray("L");
                value.l().forEach(element -> list.add(attribute(element)));
                break;
            default:
                throw new IllegalArgumentException("attribute type unknown to this SDK: " + value);
        }
        return node;
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe());
    }
}
