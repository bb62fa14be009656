package com.mplifecycle.local.runtime;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.mplifecycle.devtools.events.DeadLetter;
import com.mplifecycle.devtools.events.EventTarget;
import com.mplifecycle.devtools.faults.FaultyDynamoDbProxy;
import com.mplifecycle.devtools.streams.OnFailureRecord;
import com.mplifecycle.devtools.template.LocalResourceNames;
import com.mplifecycle.devtools.template.SamTemplate;
import com.mplifecycle.local.clock.ControllableClock;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Where the runtime's AWS resources live: the template's tables and their streams, its event buses and the
 * rules on them, and the on-failure destinations of its stream sources. The runtime wires functions, routes,
 * stream sources, rules and schedules from the template the same way whichever this is; only the environment
 * differs. {@link InProcessAws} keeps everything in this JVM (DynamoDB Local, the in-process bus); deploy-checks
 * has one that puts it in LocalStack.
 *
 * <p>A backend creates the template's tables and buses when it starts. Implementations are thread-safe.
 */
public interface RuntimeAws extends AutoCloseable {
    /** Starts a backend for a template, sharing the runtime's clock where it keeps time itself. */
    @FunctionalInterface
    interface Factory {
        RuntimeAws start(SamTemplate template, ControllableClock clock) throws IOException;
    }

    /** What the template's {@code Ref}s and {@code GetAtt}s mean here: table and bus names, ARNs. */
    LocalResourceNames names();

    /** The function's template environment resolved here, plus region, credentials and endpoints. */
    Map<String, String> environment(String functionLogicalId);

    /** A client of the tables, for the runtime's own set-up and for tests. */
    DynamoDbClient dynamoDb();

    /** A client of the tables' streams, for the stream event sources. */
    DynamoDbStreamsClient streams();

    /**
     * Adds a rule on {@code busName} that delivers the EventBridge envelope of every matching event to
     * {@code target}, retrying a failing target {@code maximumRetryAttempts} times before dead-lettering it.
     */
    void addRule(String ruleName, String busName, String patternJson, int maximumRetryAttempts, EventTarget target);

    /**
     * Where a stream event source sends what it gives up on.
     *
     * @param destinationArn the template's {@code DestinationConfig.OnFailure.Destination}, resolved; null if none
     */
    Consumer<OnFailureRecord> onFailureDestination(String destinationArn);

    /** The on-failure records (Lambda's JSON) that reached their destinations, oldest first. */
    List<String> onFailureRecords();

    /** Events that a rule's target still failed after its retries, oldest first. */
    List<DeadLetter> deadLetters();

    /** Waits until no rule delivery is queued, running or waiting to retry; false if {@code timeout} passed first. */
    boolean awaitIdle(Duration timeout) throws InterruptedException;

    /** Where any DynamoDB client (the AWS CLI included) reaches the tables. */
    URI dynamoDbEndpoint();

    /** Where any EventBridge client reaches the buses. */
    URI eventsEndpoint();

    /** The proxy that injects DynamoDB faults, when this backend has one. */
    default Optional<FaultyDynamoDbProxy> dynamoFaults() {
        return Optional.empty();
    }

    @Override
    void close();
}
