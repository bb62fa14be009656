package com.mplifecycle.deploy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Reads every message of an SQS queue without consuming it: receives until the queue has nothing visible, then
 * makes what it received visible again. For a queue nobody else consumes (a dead-letter or on-failure queue).
 */
final class QueuePeek {
    /** Long enough to receive the whole queue before the first message comes back. */
    private static final int HIDDEN_SECONDS = 20;

    private QueuePeek() {
    }

    /** The queue's messages, oldest first. */
    static List<Message> messages(SqsClient sqs, String queueUrl) {
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .visibilityTimeout(HIDDEN_SECONDS).waitTimeSeconds(1)
                    .messageSystemAttributeNames(MessageSystemAttributeName.SENT_TIMESTAMP)).messages();
            if (batch.isEmpty()) {
                break;
            }
            all.addAll(batch);
        }
        for (Message m : all) {
            sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
        }
        all.sort(Comparator.comparingLong(m -> Long.parseLong(m.attributes().getOrDefault(
                MessageSystemAttributeName.SENT_TIMESTAMP, "0"))));
        return all;
    }
}
