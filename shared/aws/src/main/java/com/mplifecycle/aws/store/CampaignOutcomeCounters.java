package com.mplifecycle.aws.store;

import java.time.Instant;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Writes a campaign's outcome counters (read by {@link DynamoDbCampaignOutcomeCounts}): one
 * {@code ADD} right after the conditional write that stored the decision succeeded, so a retried
 * or concurrent attempt, whose condition fails, never counts twice. Not in the same transaction on
 * purpose: every dispatcher of a campaign increments the same item, and transactions on one hot
 * item conflict; a crash between the two writes can lose one count, never add one.
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

    /** Adds one to the counter of a stored record's outcome (nothing for states that are not outcomes). */
    public void count(DispatchRecord record) {
        Update update = forRecord(record);
        if (update != null) {
            apply(update);
        }
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
        String counter = DynamoDbCampaignOutcomeCounts.counter(variant == null ? DEFAULT_VARIANT : variant, parts);
        return Update.builder().tableName(appsTable)
                .key(Map.of(TableKeys.PK, AttributeValue.fromS(appId),
                        TableKeys.SK, AttributeValue.fromS(TableKeys.CAMPAIGN_OUTCOMES_SK_PREFIX + campaignId)))
                .updateExpression("ADD #c :one SET #u = :now")
                .expressionAttributeNames(Map.of("#c", counter, "#u", DynamoDbCampaignOutcomeCounts.UPDATED_AT))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                        ":now", AttributeValue.fromN(Long.toString(now.toEpochMilli()))))
                .build();
    }

    /** The counter a stored dispatch record adds to, or null for states that are not outcomes yet. */
    Update forRecord(DispatchRecord r) {
        switch (r.status()) {
            case SENDING:
                return increment(r.appId(), r.campaignId(), r.variant(), r.at(), "decided");
            case HOLDOUT:
                return increment(r.appId(), r.campaignId(), DynamoDbCampaignOutcomeCounts.HOLDOUT, r.at(), "decided");
            case SENT:
                return increment(r.appId(), r.campaignId(), r.variant(), r.at(), "sent");
            case FAILED:
                return increment(r.appId(), r.campaignId(), r.variant(), r.at(), "failed", Integer.toString(r.errcode()));
            case UNKNOWN:
                return increment(r.appId(), r.campaignId(), r.variant(), r.at(), "failed", "unknown");
            case SKIPPED:
                return increment(r.appId(), r.campaignId(), r.variant(), r.at(), "skipped",
                        r.reason() == null ? "unspecified" : r.reason());
            default:
                return null;
        }
    }
}
