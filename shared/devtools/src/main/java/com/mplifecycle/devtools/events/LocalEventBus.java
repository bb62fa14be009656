package com.mplifecycle.devtools.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In-process EventBridge: named buses, rules matched with AWS's Event Ruler, asynchronous delivery with
 * retries and a dead-letter list.
 *
 * <p>{@link EventBridgeEndpoint} puts the same {@link #publish} path behind the AWS wire protocol, so SDK
 * clients and in-process callers see identical validation and routing. Thread-safe.
 */
public final class LocalEventBus implements AutoCloseable {
    public static final String DEFAULT_BUS = "default";
    /** Retries per rule unless configured; AWS defaults to 185, far too many for a local loop. */
    public static final int DEFAULT_MAXIMUM_RETRY_ATTEMPTS = 2;
    static final int MAX_RETRY_ATTEMPTS = 185;
    private static final Duration DEFAULT_FIRST_BACKOFF = Duration.ofMillis(100);
    private static final int DELIVERY_THREADS = 4;

    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper();
    private final EntryCheck entryCheck = new EntryCheck(mapper);
    private final RuleRegistry rules = new RuleRegistry();
    private final DeliveryQueue deliveries;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong matched = new AtomicLong();

    /** A bus system with the {@value #DEFAULT_BUS} bus; event times default to {@code clock}. */
    public LocalEventBus(Clock clock) {
        this(clock, DEFAULT_FIRST_BACKOFF);
    }

    LocalEventBus(Clock clock, Duration firstRetryBackoff) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.deliveries = new DeliveryQueue(DELIVERY_THREADS, firstRetryBackoff);
        rules.registerBus(DEFAULT_BUS);
    }

    /** Creates bus {@code name}; does nothing if it exists. */
    public void registerBus(String name) {
        rules.registerBus(Objects.requireNonNull(name, "name"));
    }

    public boolean hasBus(String name) {
        return rules.hasBus(busNameOf(name));
    }

    /** Adds or replaces a rule with {@value #DEFAULT_MAXIMUM_RETRY_ATTEMPTS} retries. */
    public void addRule(String ruleName, String busName, String patternJson, EventTarget target) {
        addRule(ruleName, busName, patternJson, DEFAULT_MAXIMUM_RETRY_ATTEMPTS, target);
    }

    /**
     * Adds or replaces rule {@code ruleName} on {@code busName}.
     *
     * @throws IllegalArgumentException for an unknown bus, an invalid pattern or retries outside 0-185
     */
    public void addRule(String ruleName, String busName, String patternJson, int maximumRetryAttempts,
            EventTarget target) {
        if (maximumRetryAttempts < 0 || maximumRetryAttempts > MAX_RETRY_ATTEMPTS) {
            throw new IllegalArgumentException("MaximumRetryAttempts must be 0-185, was " + maximumRetryAttempts);
        }
        rules.put(new Rule(Objects.requireNonNull(ruleName, "ruleName"), busNameOf(busName),
                Objects.requireNonNull(patternJson, "patternJson"), maximumRetryAttempts,
                Objects.requireNonNull(target, "target")));
    }

    public boolean removeRule(String busName, String ruleName) {
        return rules.remove(busNameOf(busName), ruleName);
    }

    /** Publishes one entry; see {@link #publish(List)}. */
    public EntryResult publish(EventEntry entry) {
        return publish(List.of(entry)).entries().get(0);
    }

    /**
     * Validates each entry, assigns accepted ones an id and queues a delivery per matching rule.
     * Returns before any target runs. Request-level limits (1-10 entries) belong to the wire protocol and
     * are checked by {@link EventBridgeEndpoint}, not here.
     */
    public PublishResult publish(List<EventEntry> entries) {
        List<EntryResult> results = new ArrayList<>(entries.size());
        for (EventEntry entry : entries) {
            results.add(publishOne(entry));
        }
        return new PublishResult(results);
    }

    private EntryResult publishOne(EventEntry entry) {
        ObjectNode detail;
        try {
            detail = entryCheck.validDetail(entry, rules);
        } catch (EntryRejected rejected) {
            return rejected.toResult();
        }
        received.incrementAndGet();
        String id = UUID.randomUUID().toString();
        Instant time = entry.time() == null ? clock.instant() : entry.time();
        ObjectNode envelope = EventEnvelope.of(mapper, id, entry, detail, time);
        String busName = busNameOf(entry.eventBusName());
        List<Rule> targets = rules.matching(busName, envelope);
        if (!targets.isEmpty()) {
            String json = toJson(envelope);
            for (Rule rule : targets) {
                matched.incrementAndGet();
                deliveries.submit(rule, json);
            }
        }
        return EntryResult.accepted(id);
    }

    private String toJson(ObjectNode envelope) {
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Events whose target still failed after the rule's retries, oldest first. */
    public List<DeadLetter> deadLetters() {
        return deliveries.deadLetters();
    }

    public BusCounters counters() {
        return new BusCounters(received.get(), matched.get(), deliveries.delivered(), deliveries.failed());
    }

    /** Waits until no delivery is queued, running or waiting to retry; false if {@code timeout} passed first. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return deliveries.awaitIdle(timeout);
    }

    /** Stops delivery threads; queued deliveries are dropped. */
    @Override
    public void close() {
        deliveries.close();
    }

    /** Accepts a bus name or ARN ({@code arn:aws:events:region:account:event-bus/name}); null means default. */
    static String busNameOf(String nameOrArn) {
        if (nameOrArn == null || nameOrArn.isEmpty()) {
            return DEFAULT_BUS;
        }
        int slash = nameOrArn.lastIndexOf("event-bus/");
        return nameOrArn.startsWith("arn:") && slash >= 0 ? nameOrArn.substring(slash + "event-bus/".length())
                : nameOrArn;
    }
}
