package com.mplifecycle.deploy;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.testcontainers.localstack.LocalStackContainer;

import com.mplifecycle.devtools.dynamodb.TableProvisioner;
import com.mplifecycle.devtools.sandbox.LocalAws;
import com.mplifecycle.devtools.template.FunctionDefinition;
import com.mplifecycle.devtools.template.IntrinsicResolver;
import com.mplifecycle.devtools.template.LocalResourceNames;
import com.mplifecycle.devtools.template.SamTemplate;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The template's tables and bus in LocalStack (DynamoDB, DynamoDB Streams, EventBridge): tables created from
 * the template, every bus of the template created, and the functions' clients pointed at LocalStack through
 * {@code AWS_ENDPOINT_URL}, as in the cloud apart from the endpoint.
 */
final class LocalStackBackend implements ScenarioBackend {
    private final SamTemplate template = SamTemplate.load(SamTemplate.locate());
    private final LocalResourceNames names = new LocalResourceNames(template,
            IntrinsicResolver.parameters(template, LocalAws.LOCAL_PARAMETERS));
    private final LocalStackContainer localStack;
    private final DynamoDbClient dynamoDb;
    private final DynamoDbStreamsClient streams;

    LocalStackBackend(LocalStackContainer localStack) {
        this.localStack = localStack;
        this.dynamoDb = DynamoDbClient.builder().endpointOverride(endpoint()).region(region())
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
        this.streams = DynamoDbStreamsClient.builder().endpointOverride(endpoint()).region(region())
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
        new TableProvisioner(dynamoDb).createAll(template, id -> id);
        try (EventBridgeClient events = EventBridgeClient.builder().endpointOverride(endpoint()).region(region())
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build()) {
            template.resourcesOfType("AWS::Events::EventBus").keySet().forEach(id -> events.createEventBus(b ->
                    b.name(names.physicalName(id, "AWS::Events::EventBus"))));
        }
    }

    @Override
    public Map<String, String> environment(String functionLogicalId) {
        Map<String, String> env = new LinkedHashMap<>(
                names.environment(FunctionDefinition.all(template).get(functionLogicalId)));
        env.put("AWS_REGION", localStack.getRegion());
        env.put("AWS_ACCESS_KEY_ID", localStack.getAccessKey());
        env.put("AWS_SECRET_ACCESS_KEY", localStack.getSecretKey());
        env.put("AWS_ENDPOINT_URL", endpoint().toString());
        return env;
    }

    @Override
    public DynamoDbClient dynamoDb() {
        return dynamoDb;
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
        dynamoDb.close();
    }

    private URI endpoint() {
        return localStack.getEndpoint();
    }

    private Region region() {
        return Region.of(localStack.getRegion());
    }

    private StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(localStack.getAccessKey(),
                localStack.getSecretKey()));
    }
}
