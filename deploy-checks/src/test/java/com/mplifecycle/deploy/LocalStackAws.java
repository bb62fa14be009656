package com.mplifecycle.deploy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.testcontainers.localstack.LocalStackContainer;

import com.mplifecycle.devtools.dynamodb.TableProvisioner;
import com.mplifecycle.devtools.events.DeadLetter;
import com.mplifecycle.devtools.events.EventTarget;
import com.mplifecycle.devtools.sandbox.LocalAws;
import com.mplifecycle.devtools.streams.OnFailureRecord;
import com.mplifecycle.devtools.template.FunctionDefinition;
import com.mplifecycle.devtools.template.IntrinsicResolver;
import com.mplifecycle.devtools.template.LocalResourceNames;
import com.mplifecycle.devtools.template.SamTemplate;
import com.mplifecycle.local.runtime.RuntimeAws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The local runtime's AWS in LocalStack. The template's tables (created from the template, streams and GSIs
 * included) are in LocalStack's DynamoDB, and the runtime's stream pollers read them through LocalStack's
 * DynamoDB Streams with Lambda's semantics. The template's buses are in LocalStack's EventBridge, where each
 * rule of the template is an EventBridge rule with an SQS target that this JVM drains into the rule's function
 * ({@link QueuedRule}). The template's queues are in LocalStack's SQS, so a stream's on-failure destination is
 * the queue the template names. The functions' clients reach all of it through {@code AWS_ENDPOINT_URL}, as in
 * the cloud apart from the endpoint; resources keep the names they have locally (tables by logical id).
 */
final class LocalStackAws implements RuntimeAws {
    private static final Duration IDLE_CHECK_PAUSE = Duration.ofMillis(100);

    private final LocalStackContainer localStack;
    private final SamTemplate template;
    private final LocalResourceNames names;
    private final DynamoDbClient dynamoDb;
    private final DynamoDbStreamsClient streams;
    private final EventBridgeClient events;
    private final SqsClient sqs;
    private final List<QueuedRule> rules = new CopyOnWriteArrayList<>();
    private final Set<String> onFailureQueues = ConcurrentHashMap.newKeySet();

    private LocalStackAws(LocalStackContainer localStack, SamTemplate template) {
        this.localStack = localStack;
        this.template = template;
        this.names = new LocalResourceNames(template, IntrinsicResolver.parameters(template,
                LocalAws.LOCAL_PARAMETERS));
        this.dynamoDb = client(DynamoDbClient.builder());
        this.streams = client(DynamoDbStreamsClient.builder());
        this.events = client(EventBridgeClient.builder());
        this.sqs = client(SqsClient.builder());
    }

    /** Creates the template's tables, buses and queues in {@code localStack} (which must be running). */
    static LocalStackAws start(LocalStackContainer localStack, SamTemplate template) {
        LocalStackAws aws = new LocalStackAws(localStack, template);
        new TableProvisioner(aws.dynamoDb).createAll(template, id -> id);
        template.resourcesOfType("AWS::Events::EventBus").keySet().forEach(id -> aws.events.createEventBus(b ->
                b.name(aws.names.physicalName(id, "AWS::Events::EventBus"))));
        template.resourcesOfType("AWS::SQS::Queue").keySet().forEach(id -> aws.sqs.createQueue(b ->
                b.queueName(aws.names.physicalName(id, "AWS::SQS::Queue"))));
        return aws;
    }

    @Override
    public LocalResourceNames names() {
        return names;
    }

    @Override
    public Map<String, String> environment(String functionLogicalId) {
        FunctionDefinition function = FunctionDefinition.all(template).get(functionLogicalId);
        if (function == null) {
            throw new IllegalArgumentException("no function " + functionLogicalId + " in the template");
        }
        Map<String, String> env = new LinkedHashMap<>(names.environment(function));
        env.put("AWS_REGION", localStack.getRegion());
        env.put("AWS_ACCESS_KEY_ID", localStack.getAccessKey());
        env.put("AWS_SECRET_ACCESS_KEY", localStack.getSecretKey());
        env.put("AWS_ENDPOINT_URL", localStack.getEndpoint().toString());
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
    public void addRule(String ruleName, String busName, String patternJson, int maximumRetryAttempts,
                        EventTarget target) {
        rules.add(QueuedRule.create(events, sqs, ruleName, busName, patternJson, maximumRetryAttempts, target));
    }

    /** Sends each record to the template's queue, as Lambda does for an SQS on-failure destination. */
    @Override
    public Consumer<OnFailureRecord> onFailureDestination(String destinationArn) {
        if (destinationArn == null) {
            return record -> { };  // Lambda drops what it gives up on when there is no destination
        }
        String queueName = destinationArn.substring(destinationArn.lastIndexOf(':') + 1);
        String queueUrl = sqs.getQueueUrl(b -> b.queueName(queueName)).queueUrl();
        onFailureQueues.add(queueUrl);
        return record -> sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(record.toJson()));
    }

    /** What the on-failure queues hold, read without consuming it. */
    @Override
    public List<String> onFailureRecords() {
        List<String> records = new ArrayList<>();
        onFailureQueues.forEach(url -> QueuePeek.messages(sqs, url).forEach(m -> records.add(m.body())));
        return records;
    }

    @Override
    public List<DeadLetter> deadLetters() {
        List<DeadLetter> all = new ArrayList<>();
        rules.forEach(rule -> all.addAll(rule.deadLetters()));
        return all;
    }

    /**
     * True once every rule's queue was found empty twice in a row: EventBridge may still be handing an event
     * to SQS when a first look finds the queue empty.
     */
    @Override
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int emptyLooks = 0;
        while (emptyLooks < 2) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            emptyLooks = rules.stream().allMatch(QueuedRule::idle) ? emptyLooks + 1 : 0;
            Thread.sleep(IDLE_CHECK_PAUSE.toMillis());
        }
        return true;
    }

    @Override
    public URI dynamoDbEndpoint() {
        return localStack.getEndpoint();
    }

    @Override
    public URI eventsEndpoint() {
        return localStack.getEndpoint();
    }

    @Override
    public void close() {
        rules.forEach(QueuedRule::close);
        sqs.close();
        events.close();
        streams.close();
        dynamoDb.close();
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder) {
        return builder.endpointOverride(localStack.getEndpoint()).region(Region.of(localStack.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        localStack.getAccessKey(), localStack.getSecretKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
