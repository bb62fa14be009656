package com.mplifecycle.devtools.streams;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What Lambda sends to an SQS or SNS on-failure destination when it gives up on stream records: metadata that
 * locates the skipped records in the stream, not the records.
 *
 * @param condition RetryAttemptsExhausted or RecordAgeExceeded
 * @param approximateInvokeCount invocations of this batch, the first included
 * @param functionError whether the last invocation ended in a function error ("Unhandled")
 */
public record OnFailureRecord(String requestId, String functionArn, String condition, int approximateInvokeCount,
        boolean functionError, Instant timestamp, String shardId, String startSequenceNumber,
        String endSequenceNumber, Instant approximateArrivalOfFirstRecord, Instant approximateArrivalOfLastRecord,
        int batchSize, String streamArn) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The destination message body, in Lambda's field order. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode request = root.putObject("requestContext");
        request.put("requestId", requestId);
        request.put("functionArn", functionArn);
        request.put("condition", condition);
        request.put("approximateInvokeCount", approximateInvokeCount);
        ObjectNode response = root.putObject("responseContext");
        response.put("statusCode", 200);
        response.put("executedVersion", "$LATEST");
        if (functionError) {
            response.put("functionError", "Unhandled");
        }
        root.put("version", "1.0");
        root.put("timestamp", timestamp.truncatedTo(ChronoUnit.MILLIS).toString());
        ObjectNode batch = root.putObject("DDBStreamBatchInfo");
        batch.put("shardId", shardId);
        batch.put("startSequenceNumber", startSequenceNumber);
        batch.put("endSequenceNumber", endSequenceNumber);
        batch.put("approximateArrivalOfFirstRecord", approximateArrivalOfFirstRecord.toString());
        batch.put("approximateArrivalOfLastRecord", approximateArrivalOfLastRecord.toString());
        batch.put("batchSize", batchSize);
        batch.put("streamArn", streamArn);
        return root.toString();
    }
}
