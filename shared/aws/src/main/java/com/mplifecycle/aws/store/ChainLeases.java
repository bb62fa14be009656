package com.mplifecycle.aws.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The leases of dispatch's chained walks (docs/data-model.md): a walk over one shard of the due index or one
 * segment of a backfill that one invocation hands on to the next holds a lease item naming its chain and the
 * hop that may run now. Each hop moves the lease on to the next hop conditionally on holding it, then requests
 * that hop, so a redelivered or retried request never forks the walk into two, and a walk whose lease has
 * expired (a chain broken by a crash) is taken over by the next 5-minute sweep. No TTL: the last hop deletes
 * the item, and there are at most 16 per app and 16 for the sweep (a TTL on the app's clock would also let
 * DynamoDB remove a held lease whenever that clock is not the real one, as in tests).
 */
public final class ChainLeases {
    static final String CHAIN = "chain";
    static final String HOP = "hop";
    static final String UNTIL = "until";
    static final String CURSOR = "cur";

    private final DynamoDbClient db;
    private final String table;

    public ChainLeases(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    /** One walk's lease: its chain, the hop that may run, until when, and where that hop starts (empty: the start). */
    public record Lease(String walk, String chain, int hop, Instant until, Optional<String> cursor) {
        public boolean heldAt(Instant now) {
            return until.isAfter(now);
        }
    }

    /** Every walk's lease, held or expired: one query. */
    public List<Lease> all() {
        List<Lease> all = new ArrayList<>();
        for (QueryResponse r : db.queryPaginator(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", TableKeys.PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableKeys.DISPATCH_CHAINS_PK))))) {
            r.items().forEach(i -> all.add(new Lease(i.get(TableKeys.SK).s(), i.get(CHAIN).s(),
                    Integer.parseInt(i.get(HOP).n()), Instant.ofEpochMilli(Long.parseLong(i.get(UNTIL).n())),
                    Optional.ofNullable(i.get(CURSOR)).map(AttributeValue::s))));
        }
        return all;
    }

    /** Starts {@code chain} at hop 0 on {@code walk} unless another chain holds it at {@code now}. */
    public boolean take(String walk, String chain, Instant now, Instant until) {
        try {
            db.putItem(b -> b.tableName(table).item(item(walk, chain, 0, until))
                    .conditionExpression("attribute_not_exists(#pk) OR #until <= :now")
                    .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#until", UNTIL))
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now.toEpochMilli())))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Starts {@code chain} at hop 0 on {@code walk} whoever held it: the chain it replaces stops at its next hop. */
    public void replace(String walk, String chain, Instant until) {
        db.putItem(b -> b.tableName(table).item(item(walk, chain, 0, until)));
    }

    /** Whether hop {@code hop} of {@code chain} may run on {@code walk} (a consistent read). */
    public boolean holds(String walk, String chain, int hop) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table).consistentRead(true).key(key(walk)))
                .item();
        return item != null && item.containsKey(CHAIN) && chain.equals(item.get(CHAIN).s())
                && hop == Integer.parseInt(item.get(HOP).n());
    }

    /**
     * Moves the lease from hop {@code hop} of {@code chain} to the next hop, which starts at {@code cursor}; false
     * when this hop no longer holds it.
     */
    public boolean advance(String walk, String chain, int hop, Instant until, String cursor) {
        try {
            db.updateItem(b -> b.tableName(table).key(key(walk))
                    .updateExpression("SET #hop = :next, #until = :until, #cur = :cur")
                    .conditionExpression("#chain = :chain AND #hop = :hop")
                    .expressionAttributeNames(Map.of("#hop", HOP, "#until", UNTIL, "#chain", CHAIN, "#cur", CURSOR))
                    .expressionAttributeValues(Map.of(":next", AttributeValue.fromN(Integer.toString(hop + 1)),
                            ":hop", AttributeValue.fromN(Integer.toString(hop)),
                            ":until", AttributeValue.fromN(Long.toString(until.toEpochMilli())),
                            ":chain", AttributeValue.fromS(chain), ":cur", AttributeValue.fromS(cursor))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Undoes {@link #advance} of hop {@code hop} when the next hop could not be requested: a retry of it runs again. */
    public void retreat(String walk, String chain, int hop) {
        try {
            db.updateItem(b -> b.tableName(table).key(key(walk)).updateExpression("SET #hop = :hop")
                    .conditionExpression("#chain = :chain AND #hop = :next")
                    .expressionAttributeNames(Map.of("#hop", HOP, "#chain", CHAIN))
                    .expressionAttributeValues(Map.of(":next", AttributeValue.fromN(Integer.toString(hop + 1)),
                            ":hop", AttributeValue.fromN(Integer.toString(hop)), ":chain", AttributeValue.fromS(chain))));
        } catch (ConditionalCheckFailedException e) {
            // the next hop ran after all
        }
    }

    /**
     * Gives an expired lease to {@code chain} at hop 0, from where the broken chain's next hop would have started
     * (kept): false when it is no longer {@code expired}'s (another run took it over, or a newer chain replaced it).
     */
    public boolean takeOver(Lease expired, String chain, Instant now, Instant until) {
        Map<String, AttributeValue> item = new HashMap<>(item(expired.walk(), chain, 0, until));
        expired.cursor().ifPresent(c -> item.put(CURSOR, AttributeValue.fromS(c)));
        try {
            db.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("#chain = :old AND #until <= :now")
                    .expressionAttributeNames(Map.of("#chain", CHAIN, "#until", UNTIL))
                    .expressionAttributeValues(Map.of(":old", AttributeValue.fromS(expired.chain()),
                            ":now", AttributeValue.fromN(Long.toString(now.toEpochMilli())))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Ends {@code chain}'s lease on {@code walk} (the walk is done); nothing if another chain holds it now. */
    public void release(String walk, String chain) {
        try {
            db.deleteItem(b -> b.tableName(table).key(key(walk)).conditionExpression("#chain = :chain")
                    .expressionAttributeNames(Map.of("#chain", CHAIN))
                    .expressionAttributeValues(Map.of(":chain", AttributeValue.fromS(chain))));
        } catch (ConditionalCheckFailedException e) {
            // replaced by a newer chain: its lease stays
        }
    }

    private static Map<String, AttributeValue> item(String walk, String chain, int hop, Instant until) {
        return Map.of(TableKeys.PK, AttributeValue.fromS(TableKeys.DISPATCH_CHAINS_PK),
                TableKeys.SK, AttributeValue.fromS(walk),
                CHAIN, AttributeValue.fromS(chain),
                HOP, AttributeValue.fromN(Integer.toString(hop)),
                UNTIL, AttributeValue.fromN(Long.toString(until.toEpochMilli())));
    }

    private static Map<String, AttributeValue> key(String walk) {
        return Map.of(TableKeys.PK, AttributeValue.fromS(TableKeys.DISPATCH_CHAINS_PK),
                TableKeys.SK, AttributeValue.fromS(walk));
    }
}
