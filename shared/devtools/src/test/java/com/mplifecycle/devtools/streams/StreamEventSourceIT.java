package com.mplifecycle.devtools.streams;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mplifecycle.devtools.dynamodb.DynamoDbLocalServer;
import com.mplifecycle.devtools.streams.LocalStream.Recorder;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

class StreamEventSourceIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static DynamoDbLocalServer server;
    private static DynamoDbClient db;
    private static DynamoDbStreamsClient streams;

    @BeforeAll
    static void startDynamoDbLocal() {
        server = DynamoDbLocalServer.startInMemory();
        db = server.client();
        streams = server.streamsClient();
    }

    @AfterAll
    static void stopDynamoDbLocal() {
        streams.close();
        db.close();
        server.close();
    }

    @Test
    void start_itemsWritten_deliveredOnceInKeyOrderWithinBatchSize() {
        LocalStream stream = LocalStream.create(db);
        Recorder function = Recorder.succeeding();
        for (int sk = 0; sk < 12; sk++) {
            stream.put("CUST#" + (sk % 3), sk);
        }
        try (StreamEventSource source = StreamEventSource.create(
                stream.config(5, "TRIM_HORIZON", false, false, -1), streams, function)) {
            source.start();
            for (int sk = 12; sk < 20; sk++) {
                stream.put("CUST#" + (sk % 3), sk);
            }

            assertTrue(source.awaitIdle(WAIT));
            List<DynamodbStreamRecord> all = function.allRecords();
            assertEquals(20, all.size());
            assertEquals(20, all.stream().map(DynamodbStreamRecord::getEventID).distinct().count());
            assertTrue(function.batches.stream().allMatch(batch -> batch.size() <= 5));
            for (int key = 0; key < 3; key++) {
                String pk = "CUST#" + key;
                List<Integer> keys = function.sortKeys(all.stream()
                        .filter(r -> r.getDynamodb().getKeys().get("pk").getS().equals(pk))
                        .collect(Collectors.toList()));
                assertEquals(keys.stream().sorted().collect(Collectors.toList()), keys);
            }
            assertEquals(new StreamSourceStats(source.stats().batches(), 20, 0, 0), source.stats());
        }
    }

    @Test
    void start_recordDelivered_carriesLambdaEnvelopeAndIntactImages() {
        LocalStream stream = LocalStream.create(db);
        Recorder function = Recorder.succeeding();
        stream.put("CUST#1", 1);
        try (StreamEventSource source = StreamEventSource.create(
                stream.config(10, "TRIM_HORIZON", false, false, -1), streams, function)) {
            source.start();

            assertTrue(source.awaitIdle(WAIT));
            DynamodbStreamRecord record = function.allRecords().get(0);
            Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
            assertEquals("INSERT", record.getEventName());
            assertEquals("aws:dynamodb", record.getEventSource());
            assertEquals("1.1", record.getEventVersion());
            assertEquals("us-east-1", record.getAwsRegion());
            assertEquals(stream.streamArn, record.getEventSourceARN());
            assertEquals("NEW_AND_OLD_IMAGES", record.getDynamodb().getStreamViewType());
            assertTrue(record.getDynamodb().getApproximateCreationDateTime().getTime() > 0);
            assertEquals("n1", image.get("name").getS());
            assertEquals("1", image.get("sk").getN());
            assertEquals("Hangzhou", image.get("profile").getM().get("city").getS());
            assertEquals("3", image.get("tags").getL().get(1).getN());
            assertTrue(image.get("active").getBOOL());
            assertTrue(image.get("nickname").isNULL());
            assertArrayEquals(new byte[] {1, 2, 3}, bytes(image.get("avatar").getB()));
        }
    }

    @Test
    void reportBatchItemFailures_recordFailsOnce_redeliversItAndLaterRecordsOnly() {
        LocalStream stream = LocalStream.create(db);
        AtomicBoolean failedOnce = new AtomicBoolean();
        Recorder function = new Recorder(records -> {
            for (DynamodbStreamRecord record : records) {
                if (Recorder.sortKey(record) == 3 && failedOnce.compareAndSet(false, true)) {
                    return "{\"batchItemFailures\":[{\"itemIdentifier\":\""
                            + record.getDynamodb().getSequenceNumber() + "\"}]}";
                }
            }
            return "{\"batchItemFailures\":[]}";
        });
        for (int sk = 1; sk <= 5; sk++) {
            stream.put("CUST#1", sk);
        }
        try (StreamEventSource source = StreamEventSource.create(
                stream.config(10, "TRIM_HORIZON", true, false, 3), streams, function)) {
            source.start();

            assertTrue(source.awaitIdle(WAIT));
            assertEquals(List.of(1, 2, 3, 4, 5), function.sortKeys(function.batches.get(0)));
            assertEquals(List.of(3, 4, 5), function.sortKeys(function.batches.get(1)));
            assertEquals(2, function.batches.size());
            assertEquals(new StreamSourceStats(2, 5, 1, 0), source.stats());
        }
    }

    @Test
    void bisect_poisonRecord_othersDeliveredAndPoisonReportedAlone() throws Exception {
        LocalStream stream = LocalStream.create(db);
        Set<Integer> handled = new HashSet<>();
        Recorder function = new Recorder(records -> {
            List<Integer> keys = new ArrayList<>();
            records.forEach(r -> keys.add(Recorder.sortKey(r)));
            if (keys.contains(4)) {
                throw new IllegalStateException("poison");
            }
            synchronized (handled) {
                handled.addAll(keys);
            }
            return null;
        });
        for (int sk = 1; sk <= 8; sk++) {
            stream.put("CUST#1", sk);
        }
        List<OnFailureRecord> destination = new CopyOnWriteArrayList<>();
        try (StreamEventSource source = StreamEventSource.create(
                stream.config(8, "TRIM_HORIZON", false, true, 2), streams, function, destination::add)) {
            source.start();
            assertTrue(source.awaitIdle(WAIT));
            stream.put("CUST#1", 9);

            assertTrue(source.awaitIdle(WAIT));
            assertEquals(Set.of(1, 2, 3, 5, 6, 7, 8, 9), handled);
            assertEquals(1, destination.size());
            OnFailureRecord failure = destination.get(0);
            String poisonSequence = function.allRecords().stream().filter(r -> Recorder.sortKey(r) == 4)
                    .findFirst().orElseThrow().getDynamodb().getSequenceNumber();
            assertEquals(poisonSequence, failure.startSequenceNumber());
            assertEquals(poisonSequence, failure.endSequenceNumber());
            assertEquals(1, failure.batchSize());
            assertEquals(3, failure.approximateInvokeCount());
            assertEquals(destination, source.onFailureRecords());
            assertEquals(1, source.stats().discarded());

            JsonNode json = new ObjectMapper().readTree(failure.toJson());
            assertEquals("RetryAttemptsExhausted", json.at("/requestContext/condition").asText());
            assertEquals("arn:aws:lambda:us-east-1:000000000000:function:profile-stream",
                    json.at("/requestContext/functionArn").asText());
            assertEquals("Unhandled", json.at("/responseContext/functionError").asText());
            assertEquals("1.0", json.get("version").asText());
            assertEquals(stream.streamArn, json.at("/DDBStreamBatchInfo/streamArn").asText());
            assertEquals(1, json.at("/DDBStreamBatchInfo/batchSize").asInt());
            assertTrue(json.at("/DDBStreamBatchInfo/approximateArrivalOfFirstRecord").asText().endsWith("Z"));
        }
    }

    @Test
    void functionError_retriesExhaustedWithoutBisect_skipsBatchAndContinues() {
        LocalStream stream = LocalStream.create(db);
        Recorder function = new Recorder(records -> {
            if (records.stream().anyMatch(r -> Recorder.sortKey(r) == 1)) {
                throw new IllegalStateException("poison");
            }
            return null;
        });
        stream.put("CUST#1", 1);
        stream.put("CUST#1", 2);
        try (StreamEventSource source = StreamEventSource.create(
                stream.config(10, "TRIM_HORIZON", false, false, 1), streams, function)) {
            source.start();
            assertTrue(source.awaitIdle(WAIT));
            stream.put("CUST#1", 3);

            assertTrue(source.awaitIdle(WAIT));
            OnFailureRecord failure = source.onFailureRecords().get(0);
            assertEquals(2, failure.batchSize());
            assertEquals(2, failure.approximateInvokeCount());
            assertEquals(List.of(3), function.sortKeys(function.batches.get(function.batches.size() - 1)));
            assertEquals(new StreamSourceStats(3, 1, 2, 2), source.stats());
        }
    }

    @Test
    void maxRecordAge_recordsOlderThanAllowed_skippedWithoutInvocation() {
        LocalStream stream = LocalStream.create(db);
        Recorder function = Recorder.succeeding();
        stream.put("CUST#1", 1);
        StreamSourceConfig config = new StreamSourceConfig(stream.table, stream.streamArn, 10, 0, "TRIM_HORIZON",
                false, false, -1, 60, "profile-stream", "us-east-1");
        Clock anHourLater = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));
        try (StreamEventSource source = new StreamEventSource(config, streams, function, record -> { },
                anHourLater)) {
            source.start();

            assertTrue(source.awaitIdle(WAIT));
            assertEquals(0, function.batches.size());
            assertEquals("RecordAgeExceeded", source.onFailureRecords().get(0).condition());
            assertFalse(source.onFailureRecords().get(0).functionError());
        }
    }

    @Test
    void startingPosition_trimHorizon_deliversRecordsWrittenBeforeStart() {
        assertEquals(List.of(1, 2, 3, 4), sortKeysDelivered("TRIM_HORIZON"));
    }

    @Test
    void startingPosition_latest_deliversOnlyRecordsWrittenAfterStart() {
        assertEquals(List.of(3, 4), sortKeysDelivered("LATEST"));
    }

    private List<Integer> sortKeysDelivered(String position) {
        LocalStream stream = LocalStream.create(db);
        Recorder function = Recorder.succeeding();
        stream.put("CUST#1", 1);
        stream.put("CUST#1", 2);
        try (StreamEventSource source = StreamEventSource.create(
                stream.config(10, position, false, false, -1), streams, function)) {
            source.start();
            stream.put("CUST#1", 3);
            stream.put("CUST#1", 4);

            assertTrue(source.awaitIdle(WAIT));
            return function.sortKeys(function.allRecords());
        }
    }

    @Test
    void batchingWindow_recordsArrivingWithinWindow_deliveredAsOneBatch() {
        LocalStream stream = LocalStream.create(db);
        Recorder function = Recorder.succeeding();
        StreamSourceConfig config = new StreamSourceConfig(stream.table, stream.streamArn, 100, 2, "TRIM_HORIZON",
                false, false, -1, -1, "profile-stream", "us-east-1");
        try (StreamEventSource source = StreamEventSource.create(config, streams, function)) {
            source.start();
            for (int sk = 1; sk <= 3; sk++) {
                stream.put("CUST#1", sk);
            }

            assertTrue(source.awaitIdle(WAIT));
            assertEquals(List.of(List.of(1, 2, 3)), function.batches.stream().map(function::sortKeys)
                    .collect(Collectors.toList()));
        }
    }

    @Test
    void awaitIdle_idlePollerWithLongPauses_answersWithoutWaitingThemOut() {
        LocalStream stream = LocalStream.create(db);
        Recorder function = Recorder.succeeding();
        Duration pause = Duration.ofSeconds(10);
        try (StreamEventSource source = new StreamEventSource(stream.config(10, "TRIM_HORIZON", false, false, -1),
                streams, function, record -> { }, Clock.systemUTC(), pause)) {
            source.start();
            stream.put("CUST#1", 1);
            assertTrue(source.awaitIdle(WAIT));

            long started = System.nanoTime();
            boolean idle = source.awaitIdle(WAIT);
            stream.put("CUST#1", 2);
            boolean idleAgain = source.awaitIdle(WAIT);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertTrue(idle && idleAgain);
            assertEquals(List.of(1, 2), function.sortKeys(function.allRecords()));
            assertTrue(took.compareTo(pause.dividedBy(2)) < 0, "two drains took " + took);
        }
    }

    @Test
    void stop_afterProcessing_leavesNoPollerThread() {
        LocalStream stream = LocalStream.create(db);
        StreamEventSource source = StreamEventSource.create(
                stream.config(10, "TRIM_HORIZON", false, false, -1), streams, Recorder.succeeding());
        source.start();
        stream.put("CUST#1", 1);
        boolean idle = source.awaitIdle(WAIT);

        source.stop();

        assertTrue(idle);
        assertFalse(source.isRunning());
        assertFalse(source.awaitIdle(Duration.ofMillis(10)));
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().startsWith("stream-source-" + stream.table + "-")));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }
}
