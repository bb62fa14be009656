package com.mplifecycle.devtools.streams;

import java.time.Duration;
import java.time.Instant;

import software.amazon.awssdk.services.dynamodb.model.Record;

/** A stream record and when this source read it. */
record ReadRecord(Record record, Instant readAt) {
    /** DynamoDB Local reports ApproximateCreationDateTime truncated to the minute. */
    private static final Duration LOCAL_PRECISION = Duration.ofMinutes(1);

    String sequenceNumber() {
        return record.dynamodb().sequenceNumber();
    }

    Instant approximateCreation() {
        return record.dynamodb().approximateCreationDateTime();
    }

    /**
     * The latest moment the record can have been written: the end of its (truncated) minute, or when it was
     * read if that is earlier. Judging age by this never discards a record early.
     */
    Instant latestPossibleCreation() {
        if (approximateCreation() == null) {
            return readAt;
        }
        Instant endOfPrecision = approximateCreation().plus(LOCAL_PRECISION);
        return endOfPrecision.isBefore(readAt) ? endOfPrecision : readAt;
    }
}
