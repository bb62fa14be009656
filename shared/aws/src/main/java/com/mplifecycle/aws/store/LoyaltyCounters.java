package com.mplifecycle.aws.store;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.mplifecycle.domain.loyalty.LoyaltyCounts;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The app's loyalty figures in the loyalty table, kept by the ledger's own transactions (so a cause counts
 * once): per local day and shard {@code {appId}} / {@code stats#day#{yyyy-MM-dd}#{shard}} with {@code iss},
 * {@code spt}, {@code exp} (points issued, spent, expired) and {@code red} (redemptions), and per shard
 * {@code {appId}} / {@code stats#expiring#{shard}} with one number per expiry day (attribute
 * {@code yyyy-MM-dd}: the unspent points due that day). A customer's changes go to the shard of their id,
 * so that concurrent transactions of different customers seldom touch the same counter item.
 */
public final class LoyaltyCounters {
    static final int SHARDS = 8;
    static final String DAY_PREFIX = "stats#day#";
    static final String EXPIRING_PREFIX = "stats#expiring#";
    static final String ISSUED = "iss";
    static final String SPENT = "spt";
    static final String EXPIRED = "exp";
    static final String REDEEMED = "red";

    /** One local day's figures. */
    public record Day(LocalDate date, long issued, long spent, long expired, long redeemed) {
    }

    private final DynamoDbClient db;
    private final String table;

    LoyaltyCounters(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    static int shard(String customerId) {
        return Math.floorMod(customerId.hashCode(), SHARDS);
    }

    static String daySk(LocalDate day, int shard) {
        return DAY_PREFIX + day + "#" + String.format("%02d", shard);
    }

    static String expiringSk(YearMonth month, int shard) {
        return EXPIRING_PREFIX + month + "#" + String.format("%02d", shard);
    }

    /** The counter updates of one change, for its transaction. */
    List<TransactWriteItem> updates(String appId, String customerId, LoyaltyCounts counts) {
        int shard = shard(customerId);
        List<TransactWriteItem> items = new ArrayList<>();
        if (counts.movesDay()) {
            items.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                    .key(LoyaltyStore.key(appId, daySk(counts.day(), shard)))
                    .updateExpression("ADD #i :i, #s :s, #e :e, #r :r")
                    .expressionAttributeNames(Map.of("#i", ISSUED, "#s", SPENT, "#e", EXPIRED, "#r", REDEEMED))
                    .expressionAttributeValues(Map.of(":i", n(counts.issued()), ":s", n(counts.spent()),
                            ":e", n(counts.expired()), ":r", n(counts.redeemed()))).build()).build());
        }
        for (Update u : expiring(appId, shard, counts.expiringChange())) {
            items.add(TransactWriteItem.builder().update(u).build());
        }
        return items;
    }

    /** One update per expiry month the change touches (a transaction may not touch an item twice). */
    private List<Update> expiring(String appId, int shard, SortedMap<LocalDate, Long> change) {
        TreeMap<YearMonth, SortedMap<LocalDate, Long>> byMonth = new TreeMap<>();
        change.forEach((d, p) -> byMonth.computeIfAbsent(YearMonth.from(d), m -> new TreeMap<>()).put(d, p));
        List<Update> updates = new ArrayList<>();
        byMonth.forEach((month, days) -> {
            Map<String, String> names = new HashMap<>();
            Map<String, AttributeValue> values = new HashMap<>();
            List<String> adds = new ArrayList<>();
            int i = 0;
            for (Map.Entry<LocalDate, Long> e : days.entrySet()) {
                names.put("#d" + i, e.getKey().toString());
                values.put(":d" + i, n(e.getValue()));
                adds.add("#d" + i + " :d" + i);
                i++;
            }
            updates.add(Update.builder().tableName(table).key(LoyaltyStore.key(appId, expiringSk(month, shard)))
                    .updateExpression("ADD " + String.join(", ", adds))
                    .expressionAttributeNames(names).expressionAttributeValues(values).build());
        });
        return updates;
    }

    /** Takes an erased customer's unspent lots off the expiry counters (they will never expire now). */
    void forget(String appId, String customerId, SortedMap<LocalDate, Long> lots) {
        TreeMap<LocalDate, Long> negative = new TreeMap<>();
        lots.forEach((d, p) -> negative.put(d, -p));
        for (Update u : expiring(appId, shard(customerId), negative)) {
            db.updateItem(b -> b.tableName(u.tableName()).key(u.key()).updateExpression(u.updateExpression())
                    .expressionAttributeNames(u.expressionAttributeNames())
                    .expressionAttributeValues(u.expressionAttributeValues()));
        }
    }

    /** The figures of each local day from {@code from} to {@code to} that has any, in order. */
    public List<Day> days(String appId, LocalDate from, LocalDate to) {
        TreeMap<LocalDate, long[]> sums = new TreeMap<>();
        for (Map<String, AttributeValue> item : items(appId, DAY_PREFIX + from + "#", DAY_PREFIX + to + "#~")) {
            String sk = item.get(TableKeys.SK).s();
            LocalDate day = LocalDate.parse(sk.substring(DAY_PREFIX.length(), DAY_PREFIX.length() + 10));
            long[] s = sums.computeIfAbsent(day, d -> new long[4]);
            s[0] += number(item, ISSUED);
            s[1] += number(item, SPENT);
            s[2] += number(item, EXPIRED);
            s[3] += number(item, REDEEMED);
        }
        List<Day> days = new ArrayList<>();
        sums.forEach((d, s) -> days.add(new Day(d, s[0], s[1], s[2], s[3])));
        return days;
    }

    /**
     * The unspent points due to expire on the days from {@code from} to {@code to} (one query: the shards of the
     * months of the range; past months are never read again).
     */
    public long expiring(String appId, LocalDate from, LocalDate to) {
        long sum = 0;
        for (Map<String, AttributeValue> item : items(appId, EXPIRING_PREFIX + YearMonth.from(from) + "#",
                EXPIRING_PREFIX + YearMonth.from(to) + "#~")) {
            for (Map.Entry<String, AttributeValue> a : item.entrySet()) {
                if (a.getKey().length() == 10 && a.getValue().n() != null) {
                    LocalDate day = LocalDate.parse(a.getKey());
                    if (!day.isBefore(from) && !day.isAfter(to)) {
                        sum += Long.parseLong(a.getValue().n());
                    }
                }
            }
        }
        return sum;
    }

    /** The app's counter items whose sort key is from {@code fromSk} to {@code toSk}, every page. */
    private Iterable<Map<String, AttributeValue>> items(String appId, String fromSk, String toSk) {
        return db.queryPaginator(b -> b.tableName(table)
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#sk", TableKeys.SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(appId),
                        ":from", AttributeValue.fromS(fromSk), ":to", AttributeValue.fromS(toSk)))).items();
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
    }

    private static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }
}
