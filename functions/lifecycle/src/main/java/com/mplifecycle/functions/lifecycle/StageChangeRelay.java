package com.mplifecycle.functions.lifecycle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mplifecycle.aws.bus.StageChangePublisher;
import com.mplifecycle.aws.log.JsonLogger;
import com.mplifecycle.aws.store.ChunkRecord;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.domain.lifecycle.StageChange;

/**
 * The profiles table's stream (the lifecycle function's second trigger): publishes {@code CustomerStageChanged} for the stage changes a
 * committed profile write stored beside the profile ({@code chg}), so that no consumer sees an event
 * before the profile it announces. Delivery is at least once: a record whose changes EventBridge did
 * not take is reported as a batch item failure and redelivered; consumers key on (customer, stage, at).
 * Writes without changes (most of them) are filtered out by the event source mapping and, should one
 * arrive, skipped here.
 */
final class StageChangeRelay {
    private final StageChangePublisher publisher;
    private final JsonLogger log;

    StageChangeRelay(StageChangePublisher publisher, JsonLogger log) {
        this.publisher = publisher;
        this.log = log;
    }

    /** A batch of the profiles table's stream; the answer is the batch item failures. */
    Map<String, Object> handle(List<Map<?, ?>> records, String batchId) {
        List<Map<String, Object>> failures = new ArrayList<>();
        int published = 0;
        for (Map<?, ?> record : records) {
            String seq = ChunkRecord.sequenceNumber(record);
            List<StageChange> changes;
            try {
                changes = changes(record);
            } catch (RuntimeException e) {
                log.warn(batchId, "unreadable stream record", "sequenceNumber", seq, "error", e.getMessage());
                failures.add(failure(seq));
                continue;
            }
            if (changes.isEmpty()) {
                continue;
            }
            List<StageChange> refused = publisher.publish(changes);
            if (refused.isEmpty()) {
                published += changes.size();
            } else {
                log.warn(batchId, "stage changes not published", "sequenceNumber", seq, "refused", refused.size());
                failures.add(failure(seq));
            }
        }
        log.info(batchId, "stage changes relayed", "records", records.size(), "published", published,
                "failedRecords", failures.size());
        return Map.of("batchItemFailures", failures);
    }

    /** True when the record comes from the stream of {@code table} (its ARN names the table). */
    static boolean isFromTable(Map<?, ?> record, String table) {
        return record.get("eventSourceARN") instanceof String arn && arn.contains(":table/" + table + "/stream/");
    }

    /** The changes a record's new image carries; none for removals and writes that changed no stage. */
    static List<StageChange> changes(Map<?, ?> record) {
        if (!(record.get("dynamodb") instanceof Map<?, ?> dynamodb)) {
            throw new IllegalArgumentException("record has no dynamodb section");
        }
        if (!(dynamodb.get("NewImage") instanceof Map<?, ?> image)
                || !(image.get(ProfileStore.CHANGES_ATTRIBUTE) instanceof Map<?, ?> chg)) {
            return List.of();
        }
        if (!(chg.get("S") instanceof String json)) {
            throw new IllegalArgumentException("record attribute " + ProfileStore.CHANGES_ATTRIBUTE
                    + " is not a string");
        }
        return StageChangePublisher.fromDetailsJson(json);
    }

    private static Map<String, Object> failure(String sequenceNumber) {
        Map<String, Object> failure = new LinkedHashMap<>();
        failure.put("itemIdentifier", sequenceNumber);
        return failure;
    }
}
