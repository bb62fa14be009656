package com.mplifecycle.aws.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mplifecycle.domain.sharing.ShareActivity;
import com.mplifecycle.domain.sharing.SharingStatistics;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Shares, opens and acquisitions in the apps table, under the app's partition (see docs/data-model.md):
 * {@code share#{shareId}} names the sharer (the first to claim the id keeps it); per local day,
 * {@code sharing#{day}#s#{shareId}}, {@code sharing#{day}#o#{open digest}} and
 * {@code sharing#{day}#n#{customerId}} records, which a range query adds up; and
 * {@code referral#{sharerId}#{customerId}} per acquired customer, which a prefix query counts for the
 * sharer's profile. Every record is keyed by what it records, so writing it again (a redelivered
 * event) changes nothing. Lists stay out of the profile, whose size every fold pays for.
 */
public final class SharingStore {
    /** As long as the longest range statistics can be asked for, and the raw events are kept. */
    static final Duration KEPT = Duration.ofDays(401);
    static final String SHARER = "sharer";
    static final String OPENER = "opener";
    static final String CUSTOMER = "cust";
    static final String SHARE = "share";
    static final String AT = "at";
    private static final int BATCH_GET_LIMIT = 100;

    private final DynamoDbClient db;
    private final String table;

    public SharingStore(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    /** The sharer of each share id that is known. */
    public Map<String, String> sharersOf(String appId, Set<String> shareIds) {
        Map<String, String> sharers = new HashMap<>();
        List<String> ids = new ArrayList<>(shareIds);
        for (int from = 0; from < ids.size(); from += BATCH_GET_LIMIT) {
            Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder().consistentRead(true)
                    .keys(ids.subList(from, Math.min(ids.size(), from + BATCH_GET_LIMIT)).stream()
                            .map(id -> key(appId, TableKeys.share(id))).toList()).build());
            while (pending != null && !pending.isEmpty()) {
                Map<String, KeysAndAttributes> request = pending;
                BatchGetItemResponse response = db.batchGetItem(b -> b.requestItems(request));
                response.responses().getOrDefault(table, List.of()).forEach(item -> sharers.put(
                        TableKeys.shareIdOf(item.get(TableKeys.SK).s()), item.get(SHARER).s()));
                pending = response.unprocessedKeys();
            }
        }
        return sharers;
    }

    /** Records the activity (days in {@code zone}); idempotent. */
    public void record(String appId, ShareActivity activity, ZoneId zone) {
        String self = activity.customerId();
        for (ShareActivity.Share s : activity.shares()) {
            LocalDate day = LocalDate.ofInstant(s.at(), zone);
            try {
                // the first customer to name an id keeps it; the same share again writes the same item
                db.putItem(b -> b.tableName(table).item(item(appId, TableKeys.share(s.shareId()),
                        Map.of(SHARER, self, AT, Long.toString(s.at().toEpochMilli())), day))
                        .conditionExpression("attribute_not_exists(#pk) OR #sharer = :self")
                        .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#sharer", SHARER))
                        .expressionAttributeValues(Map.of(":self", AttributeValue.fromS(self))));
            } catch (ConditionalCheckFailedException e) {
                continue; // another customer's share id: not this customer's share
            }
            put(appId, TableKeys.sharingDay(day, "s", s.shareId()), Map.of(SHARER, self), day);
        }
        for (ShareActivity.Open o : activity.opens()) {
            LocalDate day = LocalDate.ofInstant(o.at(), zone);
            put(appId, TableKeys.sharingDay(day, "o", digest(self + "\n" + o.eventId())),
                    Map.of(SHARER, o.sharerId(), OPENER, self, SHARE, o.shareId()), day);
        }
        activity.acquisition().ifPresent(r -> {
            LocalDate day = LocalDate.ofInstant(r.at(), zone);
            put(appId, TableKeys.sharingDay(day, "n", self), Map.of(SHARER, r.sharerId(), CUSTOMER, self,
                    SHARE, r.shareId()), day);
            put(appId, TableKeys.referral(r.sharerId(), self), Map.of(SHARER, r.sharerId(), CUSTOMER, self,
                    SHARE, r.shareId(), AT, Long.toString(r.at().toEpochMilli())), null);
        });
    }

    /** How many customers the customer brought. */
    public int referredCount(String appId, String sharerId) {
        int count = 0;
        for (QueryResponse page : db.queryPaginator(b -> b.tableName(table).select(Select.COUNT)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#sk", TableKeys.SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(appId),
                        ":prefix", AttributeValue.fromS(TableKeys.referralsOf(sharerId)))))) {
            count += page.count();
        }
        return count;
    }

    /** The records of the local days {@code from} to {@code to}, by the sharer each counts for. */
    public List<SharingStatistics.Entry> entries(String appId, LocalDate from, LocalDate to) {
        List<SharingStatistics.Entry> entries = new ArrayList<>();
        for (QueryResponse page : db.queryPaginator(b -> b.tableName(table)
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                .projectionExpression("#sk, #sharer")
                .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#sk", TableKeys.SK, "#sharer", SHARER))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(appId),
                        ":from", AttributeValue.fromS(TableKeys.sharingDaysFrom(from)),
                        ":to", AttributeValue.fromS(TableKeys.sharingDaysTo(to)))))) {
            for (Map<String, AttributeValue> item : page.items()) {
                TableKeys.sharingKindOf(item.get(TableKeys.SK).s()).map(kind -> switch (kind) {
                    case "s" -> SharingStatistics.Kind.SHARE;
                    case "o" -> SharingStatistics.Kind.OPEN;
                    case "n" -> SharingStatistics.Kind.NEW_CUSTOMER;
                    default -> null;
                }).ifPresent(kind -> entries.add(new SharingStatistics.Entry(kind, item.get(SHARER).s())));
            }
        }
        return entries;
    }

    /**
     * Deletes every record that names the customer (as sharer, opener or acquired customer): two
     * filtered queries over the app's sharing items, one delete per match. Erasure is rare.
     */
    public int deleteCustomer(String appId, String customerId) {
        int deleted = 0;
        for (String prefix : List.of(TableKeys.SHARING_SK_PREFIX_ROOT, TableKeys.REFERRAL_SK_PREFIX)) {
            for (QueryResponse page : db.queryPaginator(b -> b.tableName(table)
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                    .filterExpression("#sharer = :c OR #opener = :c OR #cust = :c")
                    .projectionExpression("#pk, #sk")
                    .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#sk", TableKeys.SK, "#sharer", SHARER,
                            "#opener", OPENER, "#cust", CUSTOMER))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(appId),
                            ":prefix", AttributeValue.fromS(prefix), ":c", AttributeValue.fromS(customerId))))) {
                for (Map<String, AttributeValue> item : page.items()) {
                    db.deleteItem(b -> b.tableName(table).key(Map.of(TableKeys.PK, item.get(TableKeys.PK),
                            TableKeys.SK, item.get(TableKeys.SK))));
                    deleted++;
                }
            }
        }
        return deleted;
    }

    private void put(String appId, String sortKey, Map<String, String> attributes, LocalDate day) {
        db.putItem(b -> b.tableName(table).item(item(appId, sortKey, attributes, day)));
    }

    private static Map<String, AttributeValue> item(String appId, String sortKey, Map<String, String> attributes,
                                                    LocalDate day) {
        Map<String, AttributeValue> item = new HashMap<>(key(appId, sortKey));
        attributes.forEach((k, v) -> item.put(k, AttributeValue.fromS(v)));
        if (day != null) {
            item.put(TableKeys.EXPIRES, AttributeValue.fromN(Long.toString(
                    day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(KEPT).getEpochSecond())));
        }
        return item;
    }

    private static Map<String, AttributeValue> key(String appId, String sortKey) {
        return Map.of(TableKeys.PK, AttributeValue.fromS(appId), TableKeys.SK, AttributeValue.fromS(sortKey));
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }
}
