package com.mplifecycle.devtools.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import software.amazon.awssdk.services.dynamodb.model.Record;

class BatchResponseTest {
    private static final List<ReadRecord> BATCH = batch("100", "200", "300");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "null                                                                   | 3",
        "''                                                                     | 3",
        "{}                                                                     | 3",
        "{\"batchItemFailures\":null}                                           | 3",
        "{\"batchItemFailures\":[]}                                             | 3",
        "\"ok\"                                                                 | 3",
        "{\"batchItemFailures\":[{\"itemIdentifier\":\"200\"}]}                 | 1",
        "{\"batchItemFailures\":[{\"itemIdentifier\":\"300\"},{\"itemIdentifier\":\"200\"}]} | 1",
        "{\"batchItemFailures\":[{\"itemIdentifier\":\"100\"}]}                 | 0",
        "{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}                    | 0",
        "{\"batchItemFailures\":[{\"itemIdentifier\":null}]}                    | 0",
        "{\"batchItemFailures\":[{\"id\":\"200\"}]}                             | 0",
        "{\"batchItemFailures\":[{\"itemIdentifier\":\"999\"}]}                 | 0",
        "not json                                                               | 0",
    })
    void completedPrefix_response_countsLeadingRecordsDone(String response, int expected) {
        assertEquals(expected, BatchResponse.completedPrefix("null".equals(response) ? null : response, BATCH));
    }

    private static List<ReadRecord> batch(String... sequenceNumbers) {
        List<ReadRecord> records = new ArrayList<>();
        for (String sequence : sequenceNumbers) {
            records.add(new ReadRecord(Record.builder().dynamodb(d -> d.sequenceNumber(sequence)).build(),
                    Instant.EPOCH));
        }
        return records;
    }
}
