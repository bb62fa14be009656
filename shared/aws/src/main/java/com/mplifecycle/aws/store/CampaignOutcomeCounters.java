package com.mplifecycle.aws.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Writes a campaign's outcome counters (read by {@link DynamoDbCampaignOutcomeCounts}). An outcome
 * is {@link #add added} only after the conditional write that stored the decision succeeded, so a
 * retried or concurrent attempt, whose condition fails, never counts twice. Added outcomes are held
 * in memory and {@link #flush flushed} as one {@code ADD} per campaign (a sweep decides hundreds of
 * occurrences of a few campaigns: one write each was most of its writes). Not in the same
 * transaction as the decision on purpose: every dispatcher of a campaign increments the same item,
 * and transactions on one hot item conflict; a crash before the flush can lose counts, never add
 * one. Thread-safe.
 */
public final class CampaignOutcomeCounters {
    /** The variant name of a campaign without variants. */
    public static final String DEFAULT_VARIANT = "default";

    private final String appsTable;

    public CampaignOutcomeCounters(software.amazon.awssdk.services.dynamodb.DynamoDbClient db, String appsTable) {
        this.db = db;
        this.appsTable = appsTable;
    }

    private final software.amazon.awssdk.services.dynamodb.DynamoDbClient db;

    private record Campaign(String appId, String campaignId) {
    }

    private final Map<Campaign, Map<String, AtomicLong>> pending = new ConcurrentHashMap<>();
    private final Map<Campaign, AtomicLong> pendingAt = new ConcurrentHashMap<>();

    /** Adds one to the pending counter of a stored record's outcome (nothing for states that are not outcomes). */
    public void add(DispatchRecord r) {
        String counter = counterOf(r);
        if (counter == null) {
            return;
        }
        Campaign c = new Campaign(r.appId(), r.campaignId());
        pending.computeIfAbsent(c, k -> new ConcurrentHashMap<>()).computeIfAbsent(counter, k -> new AtomicLong())
                .incrementAndGet();
        pendingAt.computeIfAbsent(c, k -> new AtomicLong()).accumulateAndGet(r.at().toEpochMilli(), Math::max);
    }

    /** Writes the pending counts, one update per campaign; what a failed update held stays pending. */
    public void flush() {
        pending.forEach((c, counters) -> {
            Map<String, Long> taken = new HashMap<>();
            counters.forEach((counter, n) -> {
                long v = n.getAndSet(0);
                if (v != 0) {
                    taken.put(counter, v);
                }
            });
            if (taken.isEmpty()) {
                return;
            }
            List<String> adds = new ArrayList<>();
            Map<String, String> names = new HashMap<>(Map.of("#u", DynamoDbCampaignOutcomeCounts.UPDATED_AT));
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":now",
                    AttributeValue.fromN(Long.toString(pendingAt.get(c).get()))));
            taken.forEach((counter, v) -> {
                int i = adds.size();
                adds.add("#c" + i + " :n" + i);
                names.put("#c" + i, counter);
                values.put(":n" + i, AttributeValue.fromN(Long.toString(v)));
            });
            try {
                db.updateItem(b -> b.tableName(appsTable).key(key(c.appId(), c.campaignId()))
                        .updateExpression("ADD " + String.join(", ", adds) + " SET #u = :now")
                        .expressionAttributeNames(names).expressionAttributeValues(values));
            } catch (RuntimeException e) {
                taken.forEach((counter, v) -> counters.get(counter).addAndGet(v));
                throw e;
            }
        });
    }

    /** Adds one to the conversions of the push a paid order converted. */
    public void count(String appId, com.mplifecycle.domain.profile.LastPush converted) {
        apply(increment(appId, converted.campaignId(), converted.holdout()
                ? DynamoDbCampaignOutcomeCounts.HOLDOUT : converted.variant(), converted.convertedAt(), "conversions"));
    }

    private void apply(Update update) {
        db.updateItem(b -> b.tableName(update.tableName()).key(update.key())
                .updateExpression(update.updateExpression())
                .expressionAttributeNames(update.expressionAttributeNames())
                .expressionAttributeValues(update.expressionAttributeValues()));
    }

    /** The update adding one to {@code variant|parts...} of the campaign's counters. */
    public Update increment(String appId, String campaignId, String variant, Instant now, String... parts) {
        String counter = counter(variant, parts);
        return Update.builder().tableName(appsTable)
                .key(key(appId, campaignId))
                .updateExpression("ADD #c :one SET #u = :now")
                .expressionAttributeNames(Map.of("#c", counter, "#u", DynamoDbCampaignOutcomeCounts.UPDATED_AT))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                        ":now", AttributeValue.fromN(Long.toString(now.toEpochMilli()))))
                .build();
    }

    /** The counter a stored dispatch record adds to, or null for states that are not outcomes yet. */
    static String counterOf(DispatchRecord r) {
        switch (r.status()) {
            case SENDING:
                return counter(r.variant(), "decided");
            case HOLDOUT:
                return counter(DynamoDbCampaignOutcomeCounts.HOLDOUT, "decided");
            case SENT:
                return counter(r.variant(), "sent");
            case FAILED:
                return counter(r.variant(), "failed", Integer.toString(r.errcode()));
            case UNKNOWN:
                return counter(r.variant(), "failed", "unknown");
            case SKIPPED:
                return counter(r.variant(), "skipped", r.reason() == null ? "unspecified" : r.reason());
            default:
                return null;
        }
    }

    private static String counter(String variant, String... parts) {
        return DynamoDbCampaignOutcomeCounts.counter(variant == null ? DEFAULT_VARIANT : variant, parts);
    }

    private static Map<String, AttributeValue> key(String appId, String campaignId) {
        return Map.of(TableKeys.PK, AttributeValue.fromS(appId),
                TableKeys.SK, AttributeValue.fromS(TableKeys.CAMPAIGN_OUTCOMES_SK_PREFIX + campaignId));
    }
}
