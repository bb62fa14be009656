package com.mplifecycle.functions.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.mplifecycle.aws.bus.StageChangePublisher;
import com.mplifecycle.aws.config.AwsClients;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.json.JsonObjectCall;
import com.mplifecycle.aws.log.JsonLogger;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.domain.lifecycle.StageChange;

/**
 * The profiles table's stream: publishes {@code CustomerStageChanged} for the stage changes a
 * committed profile write stored beside the profile ({@code chg}), so that no consumer sees an event
 * before the profile it announces. Delivery is at least once: a record whose changes EventBridge did
 * not take is reported as a batch item failure and redelivered; consumers key on (customer, stage, at).
 * Writes without changes (most of them) are filtered out by the event source mapping and, should one
 * arrive, skipped here.
 */
public final class StageChangeRelay implements RequestStreamHandler {
    private final StageChangePublisher publisher;
    private final JsonLogger log;

    public StageChangeRelay() {
        this(FunctionEnv.fromSystem());
    }

    public StageChangeRelay(FunctionEnv env) {
        this(new StageChangePublisher(new AwsClients(env).eventBridge(), env.required(FunctionEnv.EVENT_BUS_NAME)),
                new JsonLogger("stage-change-relay", env.clock()));
    }

    StageChangeRelay(StageChangePublisher publisher, JsonLogger log) {
        this.publisher = publisher;
        this.log = log;
    }

    /** Lambda's entry: a batch of the profiles table's stream in, the batch item failures out. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonObjectCall.serve(input, output, event -> handle(event, context));
    }

    Map<String, Object> handle(Map<String, Object> event, Context context) {
        String batchId = context == null ? UUID.randomUUID().toString() : context.getAwsRequestId();
        if (!(event.get("Records") instanceof List<?> records)) {
            throw new IllegalArgumentException("event has no Records: not a DynamoDB stream batch");
        }
        List<Map<String, Object>> failures = new ArrayList<>();
        int published = 0;
        for (Object record : records) {
            String seq = record instanceof Map<?, ?> m ? ChunkRecord.sequenceNumber(m) : null;
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

    /** The changes a record's new image carries; none for removals and writes that changed no stage. */
    static List<StageChange> changes(Object record) {
        if (!(record instanceof Map<?, ?> r) || !(r.get("dynamodb") instanceof Map<?, ?> dynamodb)) {
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
