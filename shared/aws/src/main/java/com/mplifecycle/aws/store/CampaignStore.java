package com.mplifecycle.aws.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mplifecycle.aws.json.PlainJson;
import com.mplifecycle.domain.campaign.Campaign;
import com.mplifecycle.domain.campaign.CampaignJson;
import com.mplifecycle.domain.campaign.CampaignReader;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * An app's campaigns ({@code campaign#<id>} items of the apps table, the campaign's JSON in
 * {@code doc}). Campaigns are stored as validated JSON and
 * read back through {@link CampaignReader}, so a stored campaign is always a valid one.
 */
public final class CampaignStore {
    private static final String DOC = "doc";

    private final DynamoDbClient db;
    private final String table;

    public CampaignStore(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    public void put(String appId, Campaign campaign) {
        db.putItem(b -> b.tableName(table).item(Map.of(
                TableKeys.PK, AttributeValue.fromS(appId),
                TableKeys.SK, AttributeValue.fromS(TableKeys.campaign(campaign.id())),
                DOC, AttributeValue.fromS(PlainJson.write(CampaignJson.of(campaign))))));
    }

    public Optional<Campaign> get(String appId, String campaignId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(appId, TableKeys.campaign(campaignId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(campaign(campaignId, item));
    }

    /** True when there was one to delete. */
    public boolean delete(String appId, String campaignId) {
        return db.deleteItem(b -> b.tableName(table).key(key(appId, TableKeys.campaign(campaignId)))
                .returnValues("ALL_OLD")).hasAttributes();
    }

    public List<Campaign> list(String appId) {
        List<Campaign> out = new ArrayList<>();
        for (QueryResponse page : db.queryPaginator(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :app AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#sk", TableKeys.SK))
                .expressionAttributeValues(Map.of(":app", AttributeValue.fromS(appId),
                        ":prefix", AttributeValue.fromS(TableKeys.CAMPAIGN_SK_PREFIX))))) {
            for (Map<String, AttributeValue> item : page.items()) {
                String id = item.get(TableKeys.SK).s().substring(TableKeys.CAMPAIGN_SK_PREFIX.length());
                out.add(campaign(id, item));
            }
        }
        return out;
    }

    /** The app's push policy, or the defaults (24 h cap, quiet 22:00–08:00). */

    private static Campaign campaign(String id, Map<String, AttributeValue> item) {
        Map<String, Object> tree;
        try {
            tree = PlainJson.readObject(item.get(DOC).s());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("stored campaign " + id + " is " + e.getMessage(), e);
        }
        CampaignReader.Result r = CampaignReader.read(id, tree);
        if (r instanceof CampaignReader.Invalid) {
            throw new IllegalStateException("stored campaign " + id + " is invalid: "
                    + ((CampaignReader.Invalid) r).errors());
        }
        return ((CampaignReader.Valid) r).campaign();
    }

    private static Map<String, AttributeValue> key(String appId, String sk) {
        return Map.of(TableKeys.PK, AttributeValue.fromS(appId), TableKeys.SK, AttributeValue.fromS(sk));
    }
}
