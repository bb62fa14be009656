package com.mplifecycle.aws.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.mplifecycle.domain.stats.CampaignOutcomeCounts;
import com.mplifecycle.domain.stats.CampaignOutcomes;
import com.mplifecycle.domain.stats.VariantOutcome;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads a campaign's counter item ({@code pk = appId}, {@code sk = stats#campaign#{campaignId}})
 * that the campaign dispatcher keeps with {@code ADD} as it decides, sends and attributes
 * conversions. Its attributes are flat so that each increment is one {@code ADD} without creating
 * maps first: {@code {variant}|decided}, {@code {variant}|sent}, {@code {variant}|failed|{errcode}},
 * {@code {variant}|skipped|{reason}}, {@code {variant}|conversions}, and {@code updatedAt} (epoch
 * ms). The holdout is the variant named {@value #HOLDOUT}. See docs/data-model.md.
 */
public final class DynamoDbCampaignOutcomeCounts implements CampaignOutcomeCounts {
    public static final String HOLDOUT = "holdout";
    public static final String UPDATED_AT = "updatedAt";

    private final DynamoDbClient db;
    private final String table;

    public DynamoDbCampaignOutcomeCounts(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    /** The counter attribute of one outcome: {@code counter("A", "failed", "43101")} is {@code A|failed|43101}. */
    public static String counter(String variant, String... parts) {
        return variant + "|" + String.join("|", parts);
    }

    @Override
    public Optional<CampaignOutcomes> of(String appId, String campaignId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(TableKeys.PK, AttributeValue.fromS(appId),
                        TableKeys.SK, AttributeValue.fromS(TableKeys.CAMPAIGN_OUTCOMES_SK_PREFIX + campaignId)))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Map<String, Long>> byVariant = new TreeMap<>();
        item.forEach((name, value) -> {
            int bar = name.indexOf('|');
            if (bar > 0 && value.n() != null) {
                byVariant.computeIfAbsent(name.substring(0, bar), v -> new TreeMap<>())
                        .put(name.substring(bar + 1), Long.parseLong(value.n()));
            }
        });
        List<VariantOutcome> variants = new ArrayList<>();
        byVariant.forEach((variant, counts) -> variants.add(new VariantOutcome(variant, HOLDOUT.equals(variant),
                counts.getOrDefault("decided", 0L), counts.getOrDefault("sent", 0L), prefixed(counts, "failed|"),
                prefixed(counts, "skipped|"), counts.getOrDefault("conversions", 0L))));
        AttributeValue updated = item.get(UPDATED_AT);
        Instant at = updated == null ? Instant.EPOCH : Instant.ofEpochMilli(Long.parseLong(updated.n()));
        return Optional.of(new CampaignOutcomes(campaignId, at, variants));
    }

    private static Map<String, Long> prefixed(Map<String, Long> counts, String prefix) {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }
}
