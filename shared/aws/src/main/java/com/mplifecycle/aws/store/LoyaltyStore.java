package com.mplifecycle.aws.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.mplifecycle.aws.json.RecordJson;
import com.mplifecycle.domain.loyalty.LedgerEntry;
import com.mplifecycle.domain.loyalty.LoyaltyCounts;
import com.mplifecycle.domain.loyalty.PointsAccount;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A customer's points account and ledger in the loyalty table, beside (never inside) the profile:
 * {@code {appId}#{customerId}} / {@code account} and {@code led#<cause>}. A change is one
 * {@code TransactWriteItems}: each new entry put on condition that its cause is not stored yet, the
 * account put on condition of the version read, and whatever else the change needs (a reward's
 * stock). So a cause counts once however often it is delivered, and two writers never both win.
 */
public final class LoyaltyStore {
    static final String DOC = "doc";
    static final String VERSION = "v";
    static final String APP = "app";
    static final String LEVEL = "lvl";
    static final String BALANCE = "bal";
    static final String AT = "at";

    /** How a commit ended. */
    public enum Commit {
        /** Written. */
        APPLIED,
        /** One of the causes is already in the ledger: a redelivery or retry, nothing changed. */
        ALREADY_APPLIED,
        /** The account changed since it was read: read it again and decide again. */
        CONFLICT,
        /** A condition of an extra item failed (e.g. a reward's stock ran out). */
        EXTRA_REFUSED
    }

    public record Result(Commit commit, double writeUnits) {
    }

    private final DynamoDbClient db;
    private final String table;
    private final BatchWriter batches;
    private final LoyaltyCounters counters;

    public LoyaltyStore(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
        this.batches = new BatchWriter(db, table);
        this.counters = new LoyaltyCounters(db, table);
    }

    /** The app's loyalty counters kept by the commits. */
    public LoyaltyCounters counters() {
        return counters;
    }

    public String table() {
        return table;
    }

    /** The customer's account, or an empty one at version 0. */
    public PointsAccount account(String appId, String customerId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(TableKeys.customer(appId, customerId), TableKeys.LOYALTY_ACCOUNT_SK))).item();
        return item == null || item.isEmpty() ? PointsAccount.empty() : account(item);
    }

    private static PointsAccount account(Map<String, AttributeValue> item) {
        return RecordJson.read(item.get(DOC).s(), PointsAccount.class)
                .withVersion(Long.parseLong(item.get(VERSION).n()));
    }

    /**
     * Writes {@code after} over the account read as {@code before}, with the entries and extra items, at once,
     * and adds {@code counts} to the app's loyalty counters ({@link LoyaltyCounters}) in the same transaction:
     * a cause already in the ledger cancels it whole, so a redelivery never counts twice.
     */
    public Result commit(String appId, String customerId, PointsAccount before, PointsAccount after,
                         List<LedgerEntry> entries, List<TransactWriteItem> extra, LoyaltyCounts counts) {
        String pk = TableKeys.customer(appId, customerId);
        List<TransactWriteItem> items = new ArrayList<>();
        for (LedgerEntry entry : entries) {
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(entryItem(pk, entry))
                    .conditionExpression("attribute_not_exists(#sk)").expressionAttributeNames(Map.of("#sk",
                            TableKeys.SK)).build()).build());
        }
        items.add(TransactWriteItem.builder().put(accountPut(appId, pk, before, after)).build());
        int extraFrom = items.size();
        items.addAll(extra);
        int countersFrom = items.size();
        if (counts != null && !counts.isEmpty()) {
            items.addAll(counters.updates(appId, customerId, counts));
        }
        try {
            var response = db.transactWriteItems(b -> b.transactItems(items)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            return new Result(Commit.APPLIED, units(response.consumedCapacity()));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            for (int i = 0; i < reasons.size(); i++) {
                if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                    if (i < entries.size()) {
                        return new Result(Commit.ALREADY_APPLIED, 0);
                    }
                    if (i >= extraFrom && i < countersFrom) {
                        return new Result(Commit.EXTRA_REFUSED, 0);
                    }
                }
            }
            // the account's version moved, or another transaction held one of the items
            return new Result(Commit.CONFLICT, 0);
        }
    }

    /** Writes an account change that records no entry (a level moved down at the daily run). */
    public Result commitAccount(String appId, String customerId, PointsAccount before, PointsAccount after) {
        try {
            var response = db.putItem(accountPutRequest(appId, before, after, customerId));
            return new Result(Commit.APPLIED, response.consumedCapacity() == null ? 0
                    : response.consumedCapacity().capacityUnits());
        } catch (ConditionalCheckFailedException e) {
            return new Result(Commit.CONFLICT, 0);
        }
    }

    private software.amazon.awssdk.services.dynamodb.model.PutItemRequest accountPutRequest(
            String appId, PointsAccount before, PointsAccount after, String customerId) {
        Put put = accountPut(appId, TableKeys.customer(appId, customerId), before, after);
        return software.amazon.awssdk.services.dynamodb.model.PutItemRequest.builder().tableName(table)
                .item(put.item()).conditionExpression(put.conditionExpression())
                .expressionAttributeNames(put.expressionAttributeNames())
                .expressionAttributeValues(put.expressionAttributeValues())
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
    }

    private Put accountPut(String appId, String pk, PointsAccount before, PointsAccount after) {
        long version = before.version() + 1;
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableKeys.PK, AttributeValue.fromS(pk));
        item.put(TableKeys.SK, AttributeValue.fromS(TableKeys.LOYALTY_ACCOUNT_SK));
        item.put(APP, AttributeValue.fromS(appId));
        item.put(VERSION, AttributeValue.fromN(Long.toString(version)));
        item.put(BALANCE, AttributeValue.fromN(Long.toString(after.balance())));
        if (after.level() != null) {
            item.put(LEVEL, AttributeValue.fromS(after.level()));
        }
        item.put(DOC, AttributeValue.fromS(RecordJson.write(after.withVersion(version))));
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (before.version() == 0) {
            put.conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", TableKeys.PK));
        } else {
            put.conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", VERSION))
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(before.version()))));
        }
        return put.build();
    }

    private static Map<String, AttributeValue> entryItem(String pk, LedgerEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableKeys.PK, AttributeValue.fromS(pk));
        item.put(TableKeys.SK, AttributeValue.fromS(TableKeys.ledgerEntry(entry.cause())));
        item.put(AT, AttributeValue.fromN(Long.toString(entry.at().toEpochMilli())));
        item.put(DOC, AttributeValue.fromS(RecordJson.write(entry)));
        return item;
    }

    /** One ledger entry by its cause. */
    public Optional<LedgerEntry> entry(String appId, String customerId, String cause) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(TableKeys.customer(appId, customerId), TableKeys.ledgerEntry(cause)))).item();
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(RecordJson.read(item.get(DOC).s(), LedgerEntry.class));
    }

    /** The customer's whole ledger, newest first (a year of daily activity is a few hundred small items). */
    public List<LedgerEntry> ledger(String appId, String customerId) {
        List<LedgerEntry> entries = new ArrayList<>();
        for (QueryResponse page : db.queryPaginator(b -> b.tableName(table)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :p)")
                .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#sk", TableKeys.SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableKeys.customer(appId, customerId)),
                        ":p", AttributeValue.fromS(TableKeys.LEDGER_SK_PREFIX))))) {
            page.items().forEach(item -> entries.add(RecordJson.read(item.get(DOC).s(), LedgerEntry.class)));
        }
        entries.sort(Comparator.comparing(LedgerEntry::at).reversed().thenComparing(Comparator.comparing(LedgerEntry::cause)));
        return entries;
    }

    /** A stored account with whose it is. */
    public record StoredAccount(String appId, String customerId, PointsAccount account) {
    }

    /** Every account of one scan segment, a page at a time (the daily run). */
    public void scanAccounts(int segment, int totalSegments, Consumer<List<StoredAccount>> page) {
        for (ScanResponse response : db.scanPaginator(b -> b.tableName(table).segment(segment)
                .totalSegments(totalSegments).filterExpression("#sk = :a")
                .expressionAttributeNames(Map.of("#sk", TableKeys.SK))
                .expressionAttributeValues(Map.of(":a", AttributeValue.fromS(TableKeys.LOYALTY_ACCOUNT_SK))))) {
            page.accept(response.items().stream().map(item -> new StoredAccount(item.get(APP).s(),
                    TableKeys.customerOf(item.get(TableKeys.PK).s()), account(item))).toList());
        }
    }

    /** A ledger entry with whose it is. */
    public record StoredEntry(String appId, String customerId, LedgerEntry entry) {
    }

    /**
     * Every ledger entry whose cause starts with {@code causePrefix}, of every customer (a scan of the whole
     * table: for summaries of a small deployment such as the demo's, never on a request path).
     */
    public void scanEntries(String causePrefix, Consumer<StoredEntry> each) {
        for (ScanResponse response : db.scanPaginator(b -> b.tableName(table)
                .filterExpression("begins_with(#sk, :p)")
                .expressionAttributeNames(Map.of("#sk", TableKeys.SK))
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(TableKeys.ledgerEntry(causePrefix)))))) {
            for (Map<String, AttributeValue> item : response.items()) {
                String pk = item.get(TableKeys.PK).s();
                each.accept(new StoredEntry(TableKeys.appOf(pk), TableKeys.customerOf(pk),
                        RecordJson.read(item.get(DOC).s(), LedgerEntry.class)));
            }
        }
    }

    /**
     * Erasure: the account, the ledger (redemptions and check-ins are entries of it). The app's counters
     * keep what the customer was issued, spent and had expire (aggregates, about no one); only the points
     * the account still held are taken off the expiry counters, as they will never expire now.
     */
    public int deleteCustomer(String appId, String customerId) {
        PointsAccount held = account(appId, customerId);
        int deleted = new CustomerPartition(db, table, batches).delete(appId, customerId);
        if (!held.lots().isEmpty()) {
            counters.forget(appId, customerId, held.lots());
        }
        return deleted;
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(TableKeys.PK, AttributeValue.fromS(pk), TableKeys.SK, AttributeValue.fromS(sk));
    }

    private static double units(List<ConsumedCapacity> consumed) {
        return consumed == null ? 0 : consumed.stream().mapToDouble(c -> c.capacityUnits() == null ? 0
                : c.capacityUnits()).sum();
    }
}
