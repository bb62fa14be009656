package com.mplifecycle.local.runtime;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.mplifecycle.devtools.events.DeadLetter;
import com.mplifecycle.devtools.events.EventBridgeEndpoint;
import com.mplifecycle.devtools.events.EventTarget;
import com.mplifecycle.devtools.events.LocalEventBus;
import com.mplifecycle.devtools.faults.FaultyDynamoDbProxy;
import com.mplifecycle.devtools.sandbox.LocalAws;
import com.mplifecycle.devtools.streams.OnFailureRecord;
import com.mplifecycle.devtools.template.LocalResourceNames;
import com.mplifecycle.devtools.template.SamTemplate;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The runtime's AWS in this JVM: the template's tables in DynamoDB Local ({@link LocalAws}), optionally behind
 * the fault-injecting proxy (functions only; the runtime and the stream sources go direct), the template's buses
 * in a {@link LocalEventBus} behind the PutEvents endpoint, and on-failure records kept in memory, whatever the
 * destination (there is no SQS here).
 */
final class InProcessAws implements RuntimeAws {
    private final LocalAws aws;
    private final FaultyDynamoDbProxy dynamoFaults;
    private final LocalEventBus bus;
    private final EventBridgeEndpoint busEndpoint;
    private final DynamoDbStreamsClient streams;
    private final List<String> onFailure = new CopyOnWriteArrayList<>();

    private InProcessAws(LocalAws aws, FaultyDynamoDbProxy dynamoFaults, LocalEventBus bus,
                         EventBridgeEndpoint busEndpoint) {
        this.aws = aws;
        this.dynamoFaults = dynamoFaults;
        this.bus = bus;
        this.busEndpoint = busEndpoint;
        this.streams = aws.dynamo().streamsClient();
    }

    static InProcessAws start(SamTemplate template, Clock clock, RuntimeOptions options) throws IOException {
        LocalAws aws = LocalAws.start(template, options.dataDir(), Map.of());
        FaultyDynamoDbProxy faults = options.faultableDynamoDb()
                ? FaultyDynamoDbProxy.start(aws.dynamo().endpoint(), 7) : null;
        if (faults != null) {
            aws.endpoint("DYNAMODB", faults.endpoint());
        }
        LocalEventBus bus = new LocalEventBus(clock);
        EventBridgeEndpoint endpoint = EventBridgeEndpoint.start(bus);
        aws.endpoint("EVENTBRIDGE", endpoint.uri());
        template.resourcesOfType("AWS::Events::EventBus").keySet().forEach(id -> bus.registerBus(
                aws.names().valueOf(id)));
        return new InProcessAws(aws, faults, bus, endpoint);
    }

    @Override
    public LocalResourceNames names() {
        return aws.names();
    }

    @Override
    public Map<String, String> environment(String functionLogicalId) {
        return aws.environment(functionLogicalId);
    }

    @Override
    public DynamoDbClient dynamoDb() {
        return aws.client();
    }

    @Override
    public DynamoDbStreamsClient streams() {
        return streams;
    }

    @Override
    public void addRule(String ruleName, String busName, String patternJson, int maximumRetryAttempts,
                        EventTarget target) {
        bus.addRule(ruleName, busName, patternJson, maximumRetryAttempts, target);
    }

    @Override
    public Consumer<OnFailureRecord> onFailureDestination(String destinationArn) {
        return record -> onFailure.add(record.toJson());
    }

    @Override
    public List<String> onFailureRecords() {
        return List.copyOf(onFailure);
    }

    @Override
    public List<DeadLetter> deadLetters() {
        return bus.deadLetters();
    }

    @Override
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return bus.awaitIdle(timeout);
    }

    @Override
    public URI dynamoDbEndpoint() {
        return aws.dynamo().endpoint();
    }

    @Override
    public URI eventsEndpoint() {
        return busEndpoint.uri();
    }

    @Override
    public Optional<FaultyDynamoDbProxy> dynamoFaults() {
        return Optional.ofNullable(dynamoFaults);
    }

    @Override
    public void close() {
        busEndpoint.close();
        bus.close();
        streams.close();
        if (dynamoFaults != null) {
            dynamoFaults.close();
        }
        aws.close();
    }
}
