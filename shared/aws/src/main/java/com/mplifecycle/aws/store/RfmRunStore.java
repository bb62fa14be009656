package com.mplifecycle.aws.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.zip.GZIPInputStream;

import com.mplifecycle.aws.json.RecordJson;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The items of one fanned-out RFM run in the apps table (docs/data-model.md): a progress item
 * (time, slices, phase, the set of slices done per phase) and one JSON document ({@link DeflatedJson}) per
 * (phase, slice, app), overwritten by a redelivered slice. Every item expires a week after
 * the run. Counting a slice done is conditional on the slice not being in the phase's set,
 * so a redelivery counts once and exactly one invocation sees the set become complete.
 */
public final class RfmRunStore {
    static final Duration KEPT = Duration.ofDays(7);
    private static final String AT = "at";
    private static final String TOTAL = "total";
    private static final String PHASE = "phase";
    private static final String DONE_PREFIX = "done_";
    private static final String DOC = "docz";

    /** A run's progress: the slices done so far in each phase. */
    public record Progress(String runId, Instant at, int totalSlices, String phase, Map<String, Integer> done) {
        public Progress {
            done = Map.copyOf(done);
        }

        public int done(String inPhase) {
            return done.getOrDefault(inPhase, 0);
        }
    }

    private final DynamoDbClient db;
    private final String table;

    public RfmRunStore(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    /** Writes the progress item of a new run, in {@code phase} with nothing done. */
    public void start(String runId, Instant at, int totalSlices, String phase) {
        db.putItem(b -> b.tableName(table).item(Map.of(
                TableKeys.PK, AttributeValue.fromS(TableKeys.rfmRun(runId)),
                TableKeys.SK, AttributeValue.fromS(TableKeys.RFM_RUN_SK),
                AT, AttributeValue.fromS(at.toString()),
                TOTAL, AttributeValue.fromN(Integer.toString(totalSlices)),
                PHASE, AttributeValue.fromS(phase),
                TableKeys.EXPIRES, expires(at))));
    }

    public Optional<Progress> progress(String runId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(TableKeys.rfmRun(runId), TableKeys.RFM_RUN_SK))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> done = new HashMap<>();
        item.forEach((name, value) -> {
            if (name.startsWith(DONE_PREFIX)) {
                done.put(name.substring(DONE_PREFIX.length()), value.ns().size());
            }
        });
        return Optional.of(new Progress(runId, Instant.parse(item.get(AT).s()),
                Integer.parseInt(item.get(TOTAL).n()), item.get(PHASE).s(), done));
    }

    /**
     * Counts {@code slice} done in {@code phase}: the number of slices done after it, or empty
     * when it was counted before (a redelivery).
     */
    public OptionalInt markDone(String runId, String phase, int slice) {
        try {
            Map<String, AttributeValue> after = db.updateItem(b -> b.tableName(table)
                    .key(key(TableKeys.rfmRun(runId), TableKeys.RFM_RUN_SK))
                    .updateExpression("ADD #d :s")
                    .conditionExpression("attribute_exists(#pk) AND NOT contains(#d, :n)")
                    .expressionAttributeNames(Map.of("#d", DONE_PREFIX + phase, "#pk", TableKeys.PK))
                    .expressionAttributeValues(Map.of(":s", AttributeValue.fromNs(List.of(Integer.toString(slice))),
                            ":n", AttributeValue.fromN(Integer.toString(slice))))
                    .returnValues(ReturnValue.UPDATED_NEW)).attributes();
            return OptionalInt.of(after.get(DONE_PREFIX + phase).ns().size());
        } catch (ConditionalCheckFailedException e) {
            return OptionalInt.empty();
        }
    }

    /** Moves the run from {@code from} to {@code to}; false when it was no longer in {@code from}. */
    public boolean advance(String runId, String from, String to) {
        try {
            db.updateItem(b -> b.tableName(table)
                    .key(key(TableKeys.rfmRun(runId), TableKeys.RFM_RUN_SK))
                    .updateExpression("SET #p = :to")
                    .conditionExpression("#p = :from")
                    .expressionAttributeNames(Map.of("#p", PHASE))
                    .expressionAttributeValues(Map.of(":from", AttributeValue.fromS(from), ":to", AttributeValue.fromS(to))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Stores (or replaces) one app's result of one slice; a negative slice is the run-wide result. */
    public void putPart(Progress run, String phase, int slice, String appId, Record part) {
        db.putItem(b -> b.tableName(table).item(Map.of(
                TableKeys.PK, AttributeValue.fromS(TableKeys.rfmRun(run.runId())),
                TableKeys.SK, AttributeValue.fromS(TableKeys.rfmRunPart(phase, slice, appId)),
                DOC, DeflatedJson.attribute(RecordJson.write(part)),
                TableKeys.EXPIRES, expires(run.at()))));
    }

    /** Every part stored under {@code phase}, in sort-key order (slice, then app). */
    public <T extends Record> List<T> parts(String runId, String phase, Class<T> type) {
        List<T> parts = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = db.query(b -> b.tableName(table).consistentRead(true)
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                    .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#sk", TableKeys.SK))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableKeys.rfmRun(runId)),
                            ":prefix", AttributeValue.fromS(phase + "#")))
                    .exclusiveStartKey(from));
            page.items().forEach(item -> parts.add(RecordJson.read(partJson(item.get(DOC)), type)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return parts;
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(TableKeys.PK, AttributeValue.fromS(pk), TableKeys.SK, AttributeValue.fromS(sk));
    }

    private static AttributeValue expires(Instant at) {
        return AttributeValue.fromN(Long.toString(at.plus(KEPT).getEpochSecond()));
    }

    /** A part's JSON: deflated as every stored document ({@link DeflatedJson}), or gzip as parts were first written. */
    private static String partJson(AttributeValue doc) {
        byte[] b = doc.b() == null ? null : doc.b().asByteArrayUnsafe();
        if (b != null && b.length > 1 && b[0] == (byte) 0x1f && b[1] == (byte) 0x8b) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return DeflatedJson.text(doc, "RFM run part");
    }
}
