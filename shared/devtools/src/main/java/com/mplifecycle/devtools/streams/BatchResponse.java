package com.mplifecycle.devtools.streams;

import java.math.BigInteger;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a ReportBatchItemFailures response ({@code {"batchItemFailures":[{"itemIdentifier":"<seq>"}]}}) the
 * way Lambda does, as the number of leading records of the batch that are done.
 */
final class BatchResponse {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BatchResponse() {
    }

    /**
     * @return records.size() for success; the index of the lowest failed sequence number otherwise, so 0 when the
     *     whole batch failed (an empty, null or unknown itemIdentifier, or a response that is not JSON)
     */
    static int completedPrefix(String response, List<ReadRecord> records) {
        JsonNode failures;
        try {
            JsonNode root = response == null || response.isBlank() ? null : JSON.readTree(response);
            // Null, empty or non-object responses carry no failures: Lambda counts them as success.
            failures = root == null || !root.isObject() ? null : root.get("batchItemFailures");
        } catch (JsonProcessingException e) {
            return 0;
        }
        if (failures == null || failures.isNull() || (failures.isArray() && failures.isEmpty())) {
            return records.size();
        }
        if (!failures.isArray()) {
            return 0;
        }
        BigInteger lowest = null;
        for (JsonNode failure : failures) {
            JsonNode identifier = failure.get("itemIdentifier");
            if (identifier == null || !identifier.isTextual() || identifier.asText().isEmpty()) {
                return 0;
            }
            BigInteger sequence = parse(identifier.asText());
            if (sequence == null) {
                return 0;
            }
            lowest = lowest == null ? sequence : lowest.min(sequence);
        }
        for (int i = 0; i < records.size(); i++) {
            if (new BigInteger(records.get(i).sequenceNumber()).equals(lowest)) {
                return i;
            }
        }
        return 0;
    }

    private static BigInteger parse(String sequenceNumber) {
        try {
            return new BigInteger(sequenceNumber);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
