package com.mplifecycle.deploy;

import java.util.List;
import java.util.Map;

import com.mplifecycle.aws.json.Json;
import com.mplifecycle.devtools.events.DeadLetter;
import com.mplifecycle.devtools.events.EventTarget;

import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One {@code EventBridgeRule} of the template in LocalStack: an EventBridge rule with the template's pattern on
 * the template's bus, whose target is an SQS queue, and a thread of this JVM that hands each queued envelope
 * (EventBridge sends the whole event to an SQS target) to the rule's function, in place of Lambda.
 *
 * <p>Retries are SQS's: a delivery that throws goes back on the queue, visible again after
 * {@value #RETRY_DELAY_SECONDS} s, and the queue's redrive policy moves it to the rule's dead-letter queue after
 * 1 + MaximumRetryAttempts receives, as EventBridge retries a failing target and then dead-letters it.
 * Thread-safe.
 */
final class QueuedRule implements AutoCloseable {
    static final int RETRY_DELAY_SECONDS = 1;
    private static final int LONG_POLL_SECONDS = 1;

    private final SqsClient sqs;
    private final String ruleName;
    private final String busName;
    private final String queueUrl;
    private final String deadLetterQueueUrl;
    private final int attempts;
    private final EventTarget target;
    private final Thread poller;
    private volatile boolean running = true;
    private String lastError;

    private QueuedRule(SqsClient sqs, String ruleName, String busName, String queueUrl, String deadLetterQueueUrl,
                       int attempts, EventTarget target) {
        this.sqs = sqs;
        this.ruleName = ruleName;
        this.busName = busName;
        this.queueUrl = queueUrl;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
        this.attempts = attempts;
        this.target = target;
        this.poller = new Thread(this::poll, "localstack-rule-" + ruleName);
        poller.setDaemon(true);
    }

    /** Creates the queues, the rule and its target, and starts delivering. */
    static QueuedRule create(EventBridgeClient events, SqsClient sqs, String ruleName, String busName,
                             String patternJson, int maximumRetryAttempts, EventTarget target) {
        String deadLetters = sqs.createQueue(b -> b.queueName(ruleName + "-dlq")).queueUrl();
        String redrive = Json.write(Map.of("deadLetterTargetArn", queueArn(sqs, deadLetters),
                "maxReceiveCount", maximumRetryAttempts + 1));
        String queue = sqs.createQueue(b -> b.queueName(ruleName).attributes(Map.of(
                QueueAttributeName.REDRIVE_POLICY, redrive,
                QueueAttributeName.VISIBILITY_TIMEOUT, "60"))).queueUrl();
        String queueArn = queueArn(sqs, queue);
        String ruleArn = events.putRule(b -> b.name(ruleName).eventBusName(busName).eventPattern(patternJson)
                .state(RuleState.ENABLED)).ruleArn();
        // What AWS needs for EventBridge to write to the queue; LocalStack does not enforce it by default.
        sqs.setQueueAttributes(b -> b.queueUrl(queue).attributes(Map.of(QueueAttributeName.POLICY,
                sendFromRulePolicy(queueArn, ruleArn))));
        PutTargetsResponse put = events.putTargets(b -> b.rule(ruleName).eventBusName(busName)
                .targets(Target.builder().id("runtime-queue").arn(queueArn).build()));
        if (put.failedEntryCount() != null && put.failedEntryCount() > 0) {
            throw new IllegalStateException("rule " + ruleName + ": target refused: " + put.failedEntries());
        }
        QueuedRule rule = new QueuedRule(sqs, ruleName, busName, queue, deadLetters, maximumRetryAttempts + 1,
                target);
        rule.poller.start();
        return rule;
    }

    /** Nothing on the queue: no envelope waiting, being delivered, or waiting to be retried. */
    boolean idle() {
        Map<QueueAttributeName, String> counts = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return counts.values().stream().allMatch("0"::equals);
    }

    /** What the redrive policy moved to the dead-letter queue, oldest first. */
    List<DeadLetter> deadLetters() {
        return QueuePeek.messages(sqs, deadLetterQueueUrl).stream().map(m -> new DeadLetter(busName, ruleName,
                m.body(), "the target failed every delivery; moved to " + ruleName + "-dlq", attempts)).toList();
    }

    @Override
    public void close() {
        running = false;
        try {
            poller.join((LONG_POLL_SECONDS + 5) * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void poll() {
        while (running) {
            try {
                List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                        .waitTimeSeconds(LONG_POLL_SECONDS)).messages();
                messages.forEach(this::deliver);
                lastError = null;
            } catch (RuntimeException e) {
                reportOnce(e);
                pause();
            }
        }
    }

    private void deliver(Message message) {
        try {
            target.deliver(message.body());
        } catch (Exception | AssertionError e) {
            sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle())
                    .visibilityTimeout(RETRY_DELAY_SECONDS));
            return;
        }
        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
    }

    private void reportOnce(RuntimeException e) {
        if (running && !e.toString().equals(lastError)) {
            lastError = e.toString();
            System.err.println("rule " + ruleName + " on " + busName + ": " + lastError);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String queueArn(SqsClient sqs, String queueUrl) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    private static String sendFromRulePolicy(String queueArn, String ruleArn) {
        return Json.write(Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                "Effect", "Allow", "Principal", Map.of("Service", "events.amazonaws.com"),
                "Action", "sqs:SendMessage", "Resource", queueArn,
                "Condition", Map.of("ArnEquals", Map.of("aws:SourceArn", ruleArn))))));
    }
}
