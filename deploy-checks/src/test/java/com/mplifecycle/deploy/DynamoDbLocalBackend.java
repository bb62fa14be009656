package com.mplifecycle.deploy;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;

import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.devtools.events.EventBridgeEndpoint;
import com.mplifecycle.devtools.events.LocalEventBus;
import com.mplifecycle.devtools.sandbox.LocalAws;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The template's tables in DynamoDB Local in this JVM ({@link LocalAws}), the bus in the in-process EventBridge. */
final class DynamoDbLocalBackend implements ScenarioBackend {
    private final LocalAws aws;
    private final LocalEventBus bus;
    private final EventBridgeEndpoint events;
    private final DynamoDbStreamsClient streams;

    private DynamoDbLocalBackend(LocalAws aws, LocalEventBus bus, EventBridgeEndpoint events) {
        this.aws = aws;
        this.bus = bus;
        this.events = events;
        this.streams = aws.dynamo().streamsClient();
    }

    static DynamoDbLocalBackend start() throws IOException {
        LocalAws aws = LocalAws.start();
        LocalEventBus bus = new LocalEventBus(Clock.systemUTC());
        bus.registerBus(aws.environment("LifecycleFunction").get(FunctionEnv.EVENT_BUS_NAME));
        EventBridgeEndpoint events = EventBridgeEndpoint.start(bus);
        aws.endpoint("EVENTBRIDGE", events.uri());
        return new DynamoDbLocalBackend(aws, bus, events);
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
    public String tableName(String logicalId) {
        return logicalId;
    }

    @Override
    public void close() {
        streams.close();
        events.close();
        bus.close();
        aws.close();
    }
}
