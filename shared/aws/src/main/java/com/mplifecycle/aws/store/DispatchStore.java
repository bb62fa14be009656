package com.mplifecycle.aws.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.mplifecycle.domain.profile.CustomerProfile;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The dispatch table: one record per (campaign, customer, occurrence), written with a condition
 * before anything is sent, which is what makes a push happen at most once whatever retries,
 * redeliveries and concurrent dispatchers do.
 *
 * <p>A push decision is {@link #claim claimed} in one transaction with the profile write that spends
 * the credit and sets the last push (conditional on the profile's version): both or neither. Every
 * later change of a record is conditional on the status (and attempt) it was read in, so only the
 * claimant moves it on.
 */
public final class DispatchStore {
    /** Outcome of {@link #claim}. */
    public enum Claim {
        /** The record and the profile were written: the caller owns the send. */
        CLAIMED,
        /** A record for this occurrence exists already: someone decided it. */
        ALREADY_DECIDED,
        /** The profile changed since it was read: reload and decide again. */
        PROFILE_CHANGED
    }

    private final DynamoDbClient db;
    private final String table;
    private final String profilesTable;
    private final CampaignOutcomeCounters counters;

    public DispatchStore(DynamoDbClient db, String table, String profilesTable, String appsTable) {
        this.db = db;
        this.table = table;
        this.profilesTable = profilesTable;
        this.counters = new CampaignOutcomeCounters(db, appsTable);
    }

    /** Writes the outcome counts of the decisions recorded since the last flush (see {@link CampaignOutcomeCounters}). */
    public void flushCounts() {
        counters.flush();
    }

    /** Sort keys ({@code <campaignId>#<occurrence>}) of every decision recorded for the customer. */
    public Set<String> decided(String appId, String customerId) {
        Set<String> keys = new HashSet<>();
        for (QueryResponse page : db.queryPaginator(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk").projectionExpression("#sk")
                .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#sk", TableKeys.SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableKeys.customer(appId, customerId)))))) {
            page.items().forEach(item -> keys.add(item.get(TableKeys.SK).s()));
        }
        return keys;
    }

    /** Erasure: deletes every dispatch record of the customer; returns how many there were. */
    public int deleteCustomer(String appId, String customerId) {
        return new CustomerPartition(db, table, new BatchWriter(db, table)).delete(appId, customerId);
    }

    /** Writes a record unless one exists for its occurrence; false when one did. */
    public boolean recordOnce(DispatchRecord record) {
        Put put = Put.builder().tableName(table).item(DispatchCodec.item(record))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", TableKeys.PK)).build();
        return writeWithCounter(put, record);
    }

    /** The conditional write, then its outcome's counter; false (and nothing counted) when the condition failed. */
    private boolean writeWithCounter(Put put, DispatchRecord record) {
        try {
            db.putItem(b -> b.tableName(put.tableName()).item(put.item())
                    .conditionExpression(put.conditionExpression())
                    .expressionAttributeNames(put.expressionAttributeNames())
                    .expressionAttributeValues(put.expressionAttributeValues().isEmpty() ? null
                            : put.expressionAttributeValues()));
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
        if (record != null) {
            counters.add(record);
        }
        return true;
    }

    /**
     * Writes the new record and {@code profileAfter} (read at its version) together, or neither; the profile
     * at {@code due} in the due index.
     */
    public Claim claim(DispatchRecord record, CustomerProfile profileAfter, Optional<Instant> due) {
        long expected = profileAfter.version();
        CustomerProfile next = profileAfter.toBuilder().version(expected + 1).build();
        Put recordPut = Put.builder().tableName(table).item(DispatchCodec.item(record))
                .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", TableKeys.PK))
                .build();
        Put.Builder profilePut = Put.builder().tableName(profilesTable).item(ProfileCodec.item(next, List.of(), due));
        if (expected == 0) {
            profilePut.conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", TableKeys.PK));
        } else {
            profilePut.conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", ProfileCodec.VERSION))
                    .expressionAttributeValues(Map.of(":v", DispatchCodec.number(expected)));
        }
        try {
            db.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().put(recordPut).build(),
                    TransactWriteItem.builder().put(profilePut.build()).build()));
            counters.add(record);
            return Claim.CLAIMED;
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                return Claim.ALREADY_DECIDED;
            }
            if (reasons.size() > 1 && "ConditionalCheckFailed".equals(reasons.get(1).code())) {
                return Claim.PROFILE_CHANGED;
            }
            throw e;
        }
    }

    /**
     * Replaces the record with {@code next} if it is still in {@code expected} status after {@code attempts}
     * attempts; false when someone else moved it on.
     */
    public boolean transition(DispatchRecord next, DispatchRecord.Status expected, int attempts) {
        Put put = Put.builder().tableName(table).item(DispatchCodec.item(next))
                .conditionExpression("#st = :st AND #att = :att")
                .expressionAttributeNames(Map.of("#st", DispatchCodec.STATUS, "#att", DispatchCodec.ATTEMPTS))
                .expressionAttributeValues(Map.of(":st", AttributeValue.fromS(expected.name()),
                        ":att", DispatchCodec.number(attempts))).build();
        // A move back to SENDING (a retry taken) is not a new decision: it counts nothing.
        return writeWithCounter(put, next.status() == DispatchRecord.Status.SENDING ? null : next);
    }

    /** Records waiting for a retry that is due at {@code now}, oldest first, at most {@code limit}. */
    public List<DispatchRecord> dueRetries(Instant now, int limit) {
        List<DispatchRecord> due = new ArrayList<>();
        for (QueryResponse page : db.queryPaginator(b -> b.tableName(table).indexName(TableKeys.DUE_INDEX)
                .keyConditionExpression("#p = :p AND #due <= :now")
                .expressionAttributeNames(Map.of("#p", DispatchCodec.DUE_PARTITION, "#due", DispatchCodec.DUE))
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(TableKeys.DUE_PARTITION),
                        ":now", DispatchCodec.number(now.toEpochMilli()))))) {
            for (Map<String, AttributeValue> item : page.items()) {
                due.add(DispatchCodec.record(item));
                if (due.size() >= limit) {
                    return due;
                }
            }
        }
        return due;
    }

    /** Every record of a customer, for tests and statistics. */
    public List<DispatchRecord> records(String appId, String customerId) {
        List<DispatchRecord> out = new ArrayList<>();
        for (QueryResponse page : db.queryPaginator(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", TableKeys.PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableKeys.customer(appId, customerId)))))) {
            page.items().forEach(item -> out.add(DispatchCodec.record(item)));
        }
        return out;
    }
}
