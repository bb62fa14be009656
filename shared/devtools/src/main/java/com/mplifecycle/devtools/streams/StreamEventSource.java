package com.mplifecycle.devtools.streams;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A DynamoDB stream event source mapping for DynamoDB Local: reads a table's stream and invokes a function with
 * Lambda's {@code DynamodbEvent} JSON, with Lambda's batching, retry, bisect and partial-failure semantics.
 *
 * <p>One poller thread serves all shards of the stream, one step per shard per round, so a failing shard never
 * starves the others; a child shard starts when its parent is finished. Single use: start, then stop.
 * Thread-safe.
 */
public final class StreamEventSource implements AutoCloseable {
    /** Pause of an idle poller; Lambda polls 4 times a second, we poll faster for quick local feedback. */
    // Lambda polls a shard about four times a second; locally a shorter idle poll keeps reaction time short.
    static final Duration POLL_INTERVAL = Duration.ofMillis(25);
    static final Duration SHARD_LISTING_INTERVAL = Duration.ofSeconds(1);

    private final StreamSourceConfig config;
    private final DynamoDbStreamsClient streams;
    private final BatchDelivery delivery;
    private final Map<String, ShardWorker> workers = new LinkedHashMap<>();
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final Duration idlePause;
    private final Object roundMonitor = new Object();
    private long completedRounds;
    private long lastIdleRound = -1;
    /** Rounds up to this one run without an idle pause: those a caller of {@link #awaitIdle} waits for. */
    private long eagerUntilRound;
    /** Callers of {@link #awaitIdle} waiting now. */
    private int waiting;
    private Thread poller;
    private String lastError;
    /** When shards were last listed (nanoTime), and how many had ended then. */
    private long listedAt = System.nanoTime();
    private long finishedAtListing;

    StreamEventSource(StreamSourceConfig config, DynamoDbStreamsClient streams, Function<String, String> function,
            Consumer<OnFailureRecord> onFailure, Clock clock) {
        this(config, streams, function, onFailure, clock, POLL_INTERVAL);
    }

    StreamEventSource(StreamSourceConfig config, DynamoDbStreamsClient streams, Function<String, String> function,
            Consumer<OnFailureRecord> onFailure, Clock clock, Duration idlePause) {
        this.idlePause = idlePause;
        this.config = config;
        this.streams = streams;
        this.delivery = new BatchDelivery(config, function, onFailure, clock);
    }

    /**
     * @param function the consumer: event JSON in, response JSON out; throwing means a function error
     */
    public static StreamEventSource create(StreamSourceConfig config, DynamoDbStreamsClient streams,
            Function<String, String> function) {
        return create(config, streams, function, record -> { });
    }

    /** @param onFailure the on-failure destination, e.g. a local SQS queue */
    public static StreamEventSource create(StreamSourceConfig config, DynamoDbStreamsClient streams,
            Function<String, String> function, Consumer<OnFailureRecord> onFailure) {
        return new StreamEventSource(config, streams, function, onFailure, Clock.systemUTC());
    }

    /** Finds the shards and positions them (LATEST is "now", on return), then polls in the background. */
    public synchronized void start() {
        if (poller != null) {
            throw new IllegalStateException("already started: a stream event source is single use");
        }
        discoverShards(ShardIteratorType.fromValue(config.startingPosition()));
        poller = new Thread(this::poll, "stream-source-" + config.tableName() + "-" + config.functionName());
        poller.setDaemon(true);
        poller.start();
    }

    /** Stops after the invocation in flight, if any; returns when the poller thread has ended. */
    public synchronized void stop() {
        stopSignal.countDown();
        synchronized (roundMonitor) {
            roundMonitor.notifyAll();
        }
        if (poller == null) {
            return;
        }
        try {
            poller.join(TimeUnit.SECONDS.toMillis(30));
            if (poller.isAlive()) {
                poller.interrupt();
                poller.join(TimeUnit.SECONDS.toMillis(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Waits until a whole polling round that began after this call found every shard caught up and nothing in
     * flight or waiting for retry.
     *
     * @return false on timeout, when not running, or when interrupted
     */
    public boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (roundMonitor) {
            // The round under way may have begun before this call: the one after it is the first that counts.
            long firstCounting = completedRounds + 2;
            // The rounds it waits for need not wait out idle pauses (the demo drains twice a simulated day).
            eagerUntilRound = Math.max(eagerUntilRound, firstCounting);
            roundMonitor.notifyAll();
            waiting++;
            try {
                while (lastIdleRound < firstCounting) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || !isRunning()) {
                        return false;
                    }
                    try {
                        TimeUnit.NANOSECONDS.timedWait(roundMonitor, left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }
                return true;
            } finally {
                waiting--;
            }
        }
    }

    public boolean isRunning() {
        Thread thread = poller;
        return thread != null && thread.isAlive() && stopSignal.getCount() > 0;
    }

    public StreamSourceStats stats() {
        return delivery.stats();
    }

    /** Every on-failure record so far, oldest first. */
    public List<OnFailureRecord> onFailureRecords() {
        return delivery.failureRecords();
    }

    private void poll() {
        try {
            boolean busy = false;
            while (true) {
                if (!busy) {
                    pause();
                }
                if (stopSignal.getCount() == 0) {
                    break;
                }
                boolean idle;
                try {
                    // shards are listed once a second, when one ends (its children follow) and in the rounds
                    // a drain waits for, not every round; a round counts as idle only after listing them
                    boolean listed = draining() || finishedShards() != finishedAtListing
                            || System.nanoTime() - listedAt >= SHARD_LISTING_INTERVAL.toNanos();
                    if (listed) {
                        discoverShards(ShardIteratorType.TRIM_HORIZON);
                        listedAt = System.nanoTime();
                        finishedAtListing = finishedShards();
                    }
                    busy = false;
                    idle = listed;
                    for (ShardWorker worker : new ArrayList<>(workers.values())) {
                        if (!worker.finished() && parentFinished(worker)) {
                            busy |= worker.step();
                            idle &= worker.idle();
                        }
                    }
                    idle &= !busy;
                    lastError = null;
                } catch (RuntimeException e) {
                    busy = false;
                    idle = false;
                    reportOnce(e);
                }
                endRound(idle);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The idle pause, cut short by a stop or by a caller of {@link #awaitIdle} waiting for rounds. */
    private void pause() throws InterruptedException {
        long end = System.nanoTime() + idlePause.toNanos();
        synchronized (roundMonitor) {
            for (long left = idlePause.toNanos(); left > 0 && completedRounds >= eagerUntilRound
                    && stopSignal.getCount() > 0; left = end - System.nanoTime()) {
                TimeUnit.NANOSECONDS.timedWait(roundMonitor, left);
            }
        }
    }

    private void endRound(boolean idle) {
        synchronized (roundMonitor) {
            completedRounds++;
            if (idle) {
                lastIdleRound = completedRounds;
            }
            roundMonitor.notifyAll();
        }
    }

    private boolean draining() {
        synchronized (roundMonitor) {
            return waiting > 0;
        }
    }

    private long finishedShards() {
        return workers.values().stream().filter(ShardWorker::finished).count();
    }

    /** Shards of an unknown parent (trimmed away, or never ours) start at once. */
    private boolean parentFinished(ShardWorker worker) {
        ShardWorker parent = worker.parentShardId() == null ? null : workers.get(worker.parentShardId());
        return parent == null || parent.finished();
    }

    /** Adds shards not seen yet; those appearing after start are read from their beginning, as in Lambda. */
    private void discoverShards(ShardIteratorType position) {
        String exclusiveStart = null;
        do {
            String after = exclusiveStart;
            DescribeStreamResponse response = streams.describeStream(b -> b.streamArn(config.streamArn())
                    .exclusiveStartShardId(after));
            for (Shard shard : response.streamDescription().shards()) {
                workers.computeIfAbsent(shard.shardId(), id -> new ShardWorker(cursor(shard, position), config,
                        delivery));
            }
            exclusiveStart = response.streamDescription().lastEvaluatedShardId();
        } while (exclusiveStart != null);
    }

    private ShardCursor cursor(Shard shard, ShardIteratorType position) {
        boolean closed = shard.sequenceNumberRange() != null
                && shard.sequenceNumberRange().endingSequenceNumber() != null;
        if (closed && position == ShardIteratorType.LATEST) {
            return ShardCursor.ended(streams, config.streamArn(), shard);
        }
        return ShardCursor.open(streams, config.streamArn(), shard, position);
    }

    private void reportOnce(RuntimeException e) {
        // Errors repeat every round while DynamoDB Local is down; one line per distinct error is enough.
        if (!e.toString().equals(lastError)) {
            lastError = e.toString();
            System.err.println("stream source " + config.tableName() + " -> " + config.functionName()
                    + ": " + lastError);
        }
    }
}
