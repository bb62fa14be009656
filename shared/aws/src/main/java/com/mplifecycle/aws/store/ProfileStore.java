package com.mplifecycle.aws.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.mplifecycle.domain.lifecycle.StageChange;
import com.mplifecycle.domain.profile.CustomerProfile;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Reads and writes profiles; writes are conditional on the version read (optimistic locking).
 * An erased customer's item is a tombstone (see {@link #erase}): {@link #load}, {@link #loadAll}
 * and {@link #scan} treat it as absent; the stream consumer reads it through {@link #loadForFold}.
 */
public final class ProfileStore {
    /** The attribute of a profile item holding the stage changes its write made (docs/data-model.md). */
    public static final String CHANGES_ATTRIBUTE = ProfileCodec.CHANGES;
    static final int BATCH_GET_LIMIT = 100;
    static final int ERASE_ATTEMPTS = 8;
    /** Items one scan call of {@link #listByScan} evaluates. */
    public static final int LIST_SCAN_PAGE = 500;

    private final DynamoDbClient db;
    private final String table;
    private final NextDue nextDue;

    /** A store whose writes put the profile in the due index at once (see {@link NextDue#AT_ONCE}). */
    public ProfileStore(DynamoDbClient db, String table) {
        this(db, table, NextDue.AT_ONCE);
    }

    /** @param nextDue where each written profile goes in the due index (the app's campaigns) */
    public ProfileStore(DynamoDbClient db, String table, NextDue nextDue) {
        this.db = db;
        this.table = table;
        this.nextDue = nextDue;
    }

    /** Shards of the due index; {@link #duePage} reads one. */
    public static int dueShards() {
        return ProfileCodec.DUE_SHARDS;
    }

    /** Some customer keys ({@code appId#customerId}) and where the walk that read them goes on (absent: its end). */
    public record KeyPage(List<String> keys, Optional<String> cursor) {
        public KeyPage {
            keys = List.copyOf(keys);
        }
    }

    /**
     * One page ({@code limit} entries at most) of the customers in one shard of the due index whose due moment is
     * at or before {@code now}, earliest first, from after {@code cursor} (null: the shard's start): reads in
     * proportion to what is due. The cursor is opaque; a walk goes on from it in another invocation.
     */
    public KeyPage duePage(int shard, Instant now, String cursor, int limit) {
        String partition = ProfileCodec.dueShard(shard);
        Map<String, AttributeValue> start = cursor == null ? null : dueCursorKey(partition, cursor);
        QueryResponse response = db.query(b -> b.tableName(table).indexName(TableKeys.DUE_INDEX)
                .keyConditionExpression("#p = :p AND #due <= :now")
                .expressionAttributeNames(Map.of("#p", ProfileCodec.DUE_SHARD, "#due", ProfileCodec.DUE))
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(partition),
                        ":now", AttributeValue.fromN(Long.toString(now.toEpochMilli()))))
                .exclusiveStartKey(start).limit(limit));
        Map<String, AttributeValue> last = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : Map.of();
        return new KeyPage(response.items().stream().map(item -> item.get(TableKeys.PK).s()).toList(),
                last.isEmpty() ? Optional.empty()
                        : Optional.of(last.get(ProfileCodec.DUE).n() + ":" + last.get(TableKeys.PK).s()));
    }

    private static Map<String, AttributeValue> dueCursorKey(String partition, String cursor) {
        int colon = cursor.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not a cursor of the due index: " + cursor);
        }
        return Map.of(ProfileCodec.DUE_SHARD, AttributeValue.fromS(partition),
                ProfileCodec.DUE, AttributeValue.fromN(cursor.substring(0, colon)),
                TableKeys.PK, AttributeValue.fromS(cursor.substring(colon + 1)));
    }

    /**
     * Moves a profile in the due index without rewriting it: conditional on the version it was computed
     * from, so a profile written meanwhile keeps the place its writer gave it. False on that conflict.
     * It also drops the stage changes the last write stored ({@code chg}): the stream record of that
     * write carries them to the relay, and this write's record must not announce them again.
     */
    public boolean setDue(CustomerProfile p, Optional<Instant> due) {
        String key = TableKeys.customer(p.appId(), p.customerId());
        Map<String, String> names = new HashMap<>(Map.of("#v", ProfileCodec.VERSION, "#due", ProfileCodec.DUE,
                "#p", ProfileCodec.DUE_SHARD, "#chg", ProfileCodec.CHANGES));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":v",
                AttributeValue.fromN(Long.toString(p.version()))));
        String update;
        if (due.isPresent()) {
            update = "SET #due = :due, #p = :p REMOVE #chg";
            values.put(":due", AttributeValue.fromN(Long.toString(due.get().toEpochMilli())));
            values.put(":p", AttributeValue.fromS(ProfileCodec.dueShard(key)));
        } else {
            update = "REMOVE #due, #p, #chg";
        }
        try {
            db.updateItem(b -> b.tableName(table).key(key(key)).updateExpression(update)
                    .conditionExpression("#v = :v").expressionAttributeNames(names).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * One page ({@code limit} items evaluated at most) of one segment of a parallel scan of one app's profiles,
     * each with its stored due moment (the backfill after a campaign change), from after {@code cursor} (null:
     * the segment's start); tombstones are left out. Returns where the segment goes on (absent: its end).
     */
    public Optional<String> scanWithDue(String appId, int segment, int totalSegments, String cursor, int limit,
                                        java.util.function.BiConsumer<CustomerProfile, Optional<Instant>> each) {
        Map<String, AttributeValue> start = cursor == null ? null : ProfilePage.keyOf(cursor, List.of(TableKeys.PK));
        ScanResponse response = db.scan(b -> b.tableName(table).segment(segment).totalSegments(totalSegments)
                .exclusiveStartKey(start).limit(limit).filterExpression("#app = :app")
                .expressionAttributeNames(Map.of("#app", ProfileCodec.APP))
                .expressionAttributeValues(Map.of(":app", AttributeValue.fromS(appId))));
        response.items().stream().filter(item -> !ProfileCodec.isTombstone(item))
                .forEach(item -> each.accept(ProfileCodec.profile(item), ProfileCodec.due(item)));
        return response.hasLastEvaluatedKey() ? ProfilePage.cursorOf(response.lastEvaluatedKey()) : Optional.empty();
    }

    /**
     * About how many items the table holds: DynamoDB refreshes the count about every six hours, so
     * it sizes work (how far a scan fans out) and never counts anything.
     */
    public long approximateCount() {
        Long count = db.describeTable(b -> b.tableName(table)).table().itemCount();
        return count == null ? 0 : count;
    }

    public Optional<CustomerProfile> load(String appId, String customerId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(TableKeys.customer(appId, customerId)))).item();
        return item == null || item.isEmpty() || ProfileCodec.isTombstone(item) ? Optional.empty()
                : Optional.of(ProfileCodec.profile(item));
    }

    /** The item to fold onto, tombstones included; empty when the customer never had one. */
    public Optional<StoredCustomer> loadForFold(String appId, String customerId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(TableKeys.customer(appId, customerId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ProfileCodec.stored(item));
    }

    /** Loads many profiles by customer key (see {@link TableKeys#customer}); absent and erased ones are missing. */
    public Map<String, CustomerProfile> loadAll(List<String> customerKeys) {
        Map<String, CustomerProfile> found = new HashMap<>();
        loadForFold(customerKeys).forEach((k, stored) -> {
            if (!stored.profile().isEmpty() || stored.erasedAt() == null) {
                found.put(k, stored.profile());
            }
        });
        return found;
    }

    /** {@link #loadForFold(String, String)} for many customer keys; customers without an item are missing. */
    public Map<String, StoredCustomer> loadForFold(List<String> customerKeys) {
        Map<String, StoredCustomer> found = new HashMap<>();
        for (int from = 0; from < customerKeys.size(); from += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (String k : customerKeys.subList(from, Math.min(customerKeys.size(), from + BATCH_GET_LIMIT))) {
                keys.add(key(k));
            }
            Map<String, KeysAndAttributes> request = Map.of(table,
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> current = request;
                BatchGetItemResponse response = db.batchGetItem(b -> b.requestItems(current));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                    found.put(item.get(TableKeys.PK).s(), ProfileCodec.stored(item));
                }
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return found;
    }

    /**
     * One worker's share of a parallel scan ({@code worker} of {@code workers}: DynamoDB's
     * {@code Segment} and {@code TotalSegments}), page by page (at most 1 MB of items each), read lazily so
     * that memory does not grow with the table. Each page is handed over as it arrives.
     */
    public void scan(int worker, int workers, Consumer<List<CustomerProfile>> page) {
        if (worker < 0 || worker >= workers) {
            throw new IllegalArgumentException("scan worker " + worker + " outside 0.." + (workers - 1));
        }
        for (ScanResponse response : db.scanPaginator(b -> b.tableName(table).segment(worker)
                .totalSegments(workers))) {
            page.accept(response.items().stream().filter(item -> !ProfileCodec.isTombstone(item))
                    .map(ProfileCodec::profile).toList());
        }
    }

    /**
     * One page of the app's customers in {@code stage}, from the stage index (keys only, eventually
     * consistent) and a batch read of their profiles; a customer whose stage changed since the index
     * was written is left out. Throws IllegalArgumentException for a cursor of another listing.
     */
    public ProfilePage listByStage(String appId, String stage, String cursor, int limit) {
        return listByIndex(appId, TableKeys.STAGE_INDEX, TableKeys.STAGE_KEY, List.of(stage + "#"),
                p -> p.stage() != null && p.stage().name().equals(stage), cursor, limit);
    }

    /**
     * One page of the app's customers whose profile holds loyalty level {@code level}, from the level
     * index like {@link #listByStage}; with {@code orNone}, then also those whose profile holds no level
     * yet (no points account: they read as the lowest level). Throws IllegalArgumentException for a
     * cursor of another listing.
     */
    public ProfilePage listByLevel(String appId, String level, boolean orNone, String cursor, int limit) {
        List<String> prefixes = orNone ? List.of(level + "#", "#") : List.of(level + "#");
        return listByIndex(appId, TableKeys.LEVEL_INDEX, TableKeys.LEVEL_KEY, prefixes, p -> {
            String held = p.loyalty() == null ? null : p.loyalty().level();
            return level.equals(held) || (orNone && held == null);
        }, cursor, limit);
    }

    /**
     * How many of the app's customers the level index lists under {@code level}, and with {@code orNone}
     * also those holding no level yet (the lowest level's): a count query of the keys-only index, which
     * reads the index entries but returns none (for the loyalty figures; eventually consistent).
     */
    public long countByLevel(String appId, String level, boolean orNone) {
        long count = 0;
        for (String prefix : orNone ? List.of(level + "#", "#") : List.of(level + "#")) {
            for (QueryResponse page : db.queryPaginator(b -> b.tableName(table).indexName(TableKeys.LEVEL_INDEX)
                    .keyConditionExpression("#app = :app AND begins_with(#key, :prefix)")
                    .expressionAttributeNames(Map.of("#app", ProfileCodec.APP, "#key", TableKeys.LEVEL_KEY))
                    .expressionAttributeValues(Map.of(":app", AttributeValue.fromS(appId),
                            ":prefix", AttributeValue.fromS(prefix)))
                    .select(software.amazon.awssdk.services.dynamodb.model.Select.COUNT))) {
                count += page.count();
            }
        }
        return count;
    }

    /**
     * One page from an index keyed by app and {@code sortKey}: the keys that begin with each of
     * {@code prefixes} in turn (the cursor is the index key to continue after, so it names its
     * prefix), then one batch read; profiles that no longer match {@code keep} are left out (the
     * index is eventually consistent, and a prefix may also begin a longer value).
     */
    private ProfilePage listByIndex(String appId, String index, String sortKey, List<String> prefixes,
                                    java.util.function.Predicate<CustomerProfile> keep, String cursor, int limit) {
        Map<String, AttributeValue> start = cursor == null ? null
                : ProfilePage.keyOf(cursor, List.of(TableKeys.PK, ProfileCodec.APP, sortKey));
        int prefix = 0;
        if (start != null) {
            String at = start.get(sortKey).s();
            while (prefix < prefixes.size() && !at.startsWith(prefixes.get(prefix))) {
                prefix++;
            }
            if (!appId.equals(start.get(ProfileCodec.APP).s()) || prefix == prefixes.size()) {
                throw new IllegalArgumentException("not a cursor of this listing");
            }
        }
        List<String> keys = new ArrayList<>();
        Map<String, AttributeValue> next = null;
        for (; prefix < prefixes.size() && keys.size() < limit; prefix++) {
            Map<String, AttributeValue> from = start;
            String begins = prefixes.get(prefix);
            int room = limit - keys.size();
            QueryResponse response = db.query(b -> b.tableName(table).indexName(index)
                    .keyConditionExpression("#app = :app AND begins_with(#key, :prefix)")
                    .expressionAttributeNames(Map.of("#app", ProfileCodec.APP, "#key", sortKey))
                    .expressionAttributeValues(Map.of(":app", AttributeValue.fromS(appId),
                            ":prefix", AttributeValue.fromS(begins)))
                    .exclusiveStartKey(from).limit(room));
            response.items().forEach(i -> keys.add(i.get(TableKeys.PK).s()));
            start = null;
            if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
                next = response.lastEvaluatedKey();
                break;
            }
            if (keys.size() == limit && prefix + 1 < prefixes.size()) {
                // full at the end of this prefix: the next page starts after its last key
                Map<String, AttributeValue> last = response.items().get(response.items().size() - 1);
                next = Map.of(TableKeys.PK, last.get(TableKeys.PK), ProfileCodec.APP, last.get(ProfileCodec.APP),
                        sortKey, last.get(sortKey));
            }
        }
        Map<String, CustomerProfile> found = loadAll(keys);
        List<CustomerProfile> page = keys.stream().map(found::get).filter(p -> p != null && keep.test(p)).toList();
        return new ProfilePage(page, ProfilePage.cursorOf(next));
    }

    /**
     * One page of the app's customers that {@code matches}, by a scan of the table: it reads at most
     * {@code budget} scan pages of {@link #LIST_SCAN_PAGE} items, so a page may hold fewer than
     * {@code limit} customers (even none) and still have a cursor. For what no index holds (the RFM
     * segment follows from the last run on read). Throws IllegalArgumentException for a foreign cursor.
     */
    public ProfilePage listByScan(String appId, java.util.function.Predicate<CustomerProfile> matches, String cursor,
                                  int limit, int budget) {
        Map<String, AttributeValue> start = cursor == null ? null : ProfilePage.keyOf(cursor, List.of(TableKeys.PK));
        if (start != null && !appId.equals(TableKeys.appOf(start.get(TableKeys.PK).s()))) {
            throw new IllegalArgumentException("not a cursor of this listing");
        }
        List<CustomerProfile> page = new ArrayList<>();
        for (int read = 0; read < budget; read++) {
            Map<String, AttributeValue> from = start;
            ScanResponse response = db.scan(b -> b.tableName(table).exclusiveStartKey(from).limit(LIST_SCAN_PAGE)
                    .filterExpression("#app = :app AND attribute_exists(#doc)")
                    .expressionAttributeNames(Map.of("#app", ProfileCodec.APP, "#doc", ProfileCodec.DOC))
                    .expressionAttributeValues(Map.of(":app", AttributeValue.fromS(appId))));
            for (Map<String, AttributeValue> item : response.items()) {
                CustomerProfile p = ProfileCodec.profile(item);
                if (matches.test(p)) {
                    page.add(p);
                    if (page.size() == limit) {
                        return new ProfilePage(page, ProfilePage.cursorOf(Map.of(TableKeys.PK, item.get(TableKeys.PK))));
                    }
                }
            }
            if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                return new ProfilePage(page, Optional.empty());
            }
            start = response.lastEvaluatedKey();
        }
        return new ProfilePage(page, ProfilePage.cursorOf(start));
    }

    /**
     * Writes the profile if nobody wrote it since it was read at {@code profile.version()} (0 for a
     * new profile). Returns the stored profile with its new version, or empty on a conflict.
     */
    public Optional<CustomerProfile> save(CustomerProfile profile) {
        return save(profile, null);
    }

    /**
     * {@link #save(CustomerProfile)} for a customer erased at {@code erasedAt} (null: never), which the
     * item keeps so that records received before the erasure stay dropped after the customer returns.
     */
    public Optional<CustomerProfile> save(CustomerProfile profile, Instant erasedAt) {
        return save(profile, erasedAt, List.of());
    }

    /**
     * {@link #save(CustomerProfile, Instant)} of a write that changes the stage: the changes are stored
     * with it ({@code chg}) and published from the table's stream once committed, never before.
     */
    public Optional<CustomerProfile> save(CustomerProfile profile, Instant erasedAt, List<StageChange> changes) {
        long expected = profile.version();
        CustomerProfile next = profile.toBuilder().version(expected + 1).build();
        Map<String, AttributeValue> item = ProfileCodec.item(next, changes, nextDue.of(next));
        if (erasedAt != null) {
            item.put(ProfileCodec.ERASED_AT, AttributeValue.fromN(Long.toString(erasedAt.toEpochMilli())));
        }
        try {
            db.putItem(b -> {
                b.tableName(table).item(item);
                if (expected == 0) {
                    b.conditionExpression("attribute_not_exists(#pk)")
                            .expressionAttributeNames(Map.of("#pk", TableKeys.PK));
                } else {
                    b.conditionExpression("#v = :v")
                            .expressionAttributeNames(Map.of("#v", ProfileCodec.VERSION))
                            .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(expected))));
                }
            });
            return Optional.of(next);
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    /**
     * Replaces the customer's profile with a tombstone holding only the erasure time and a higher
     * version: every write still in flight was read at an older version and fails its condition,
     * and the stream consumer drops records received before {@code at}. The tombstone expires after
     * {@code keep} (DynamoDB TTL); by then no old stream record can be delivered any more.
     */
    public void erase(String appId, String customerId, Instant at, Duration keep) {
        for (int attempt = 1; attempt <= ERASE_ATTEMPTS; attempt++) {
            Map<String, AttributeValue> current = db.getItem(b -> b.tableName(table).consistentRead(true)
                    .key(key(TableKeys.customer(appId, customerId)))).item();
            boolean exists = current != null && !current.isEmpty();
            long version = exists ? Long.parseLong(current.get(ProfileCodec.VERSION).n()) : 0;
            try {
                db.putItem(b -> {
                    b.tableName(table).item(ProfileCodec.tombstone(appId, customerId, version + 1, at, at.plus(keep)));
                    if (exists) {
                        b.conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", ProfileCodec.VERSION))
                                .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(version))));
                    } else {
                        b.conditionExpression("attribute_not_exists(#pk)")
                                .expressionAttributeNames(Map.of("#pk", TableKeys.PK));
                    }
                });
                return;
            } catch (ConditionalCheckFailedException e) {
                // a fold wrote meanwhile: read the new version and try again
            }
        }
        throw new StoreUnavailableException("profile kept changing while erasing", null);
    }

    /** The size of the item {@link #save} writes for this profile, as DynamoDB counts it. */
    public static long storedBytes(CustomerProfile profile) {
        return ItemSize.of(ProfileCodec.item(profile));
    }

    private static Map<String, AttributeValue> key(String customerKey) {
        return Map.of(TableKeys.PK, AttributeValue.fromS(customerKey));
    }
}
