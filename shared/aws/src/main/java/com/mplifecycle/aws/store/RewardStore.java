package com.mplifecycle.aws.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mplifecycle.domain.loyalty.Reward;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * An app's rewards in the apps table ({@code {appId}} / {@code reward#{rewardId}}), with the stock as a
 * number attribute so that a redemption takes one of it in its own transaction, on condition that
 * one is left and the reward is still offered at the cost charged.
 */
public final class RewardStore {
    static final String NAME = "name";
    static final String COST = "cost";
    static final String STOCK = "stock";
    static final String MIN_LEVEL = "lvl";
    static final String ENABLED = "en";

    private final DynamoDbClient db;
    private final String table;

    public RewardStore(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    public void put(String appId, Reward reward) {
        Map<String, AttributeValue> item = new HashMap<>(LoyaltyStore.key(appId, TableKeys.reward(reward.rewardId())));
        item.put(NAME, AttributeValue.fromS(reward.name()));
        item.put(COST, AttributeValue.fromN(Long.toString(reward.costPoints())));
        item.put(STOCK, AttributeValue.fromN(Long.toString(reward.stock())));
        if (reward.minLevel() != null) {
            item.put(MIN_LEVEL, AttributeValue.fromS(reward.minLevel()));
        }
        item.put(ENABLED, AttributeValue.fromBool(reward.enabled()));
        db.putItem(b -> b.tableName(table).item(item));
    }

    public Optional<Reward> get(String appId, String rewardId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table).consistentRead(true)
                .key(LoyaltyStore.key(appId, TableKeys.reward(rewardId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(reward(item));
    }

    public boolean delete(String appId, String rewardId) {
        var response = db.deleteItem(b -> b.tableName(table).key(LoyaltyStore.key(appId, TableKeys.reward(rewardId)))
                .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_OLD));
        return response.hasAttributes() && !response.attributes().isEmpty();
    }

    public List<Reward> list(String appId) {
        List<Reward> rewards = new ArrayList<>();
        for (QueryResponse page : db.queryPaginator(b -> b.tableName(table)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :p)")
                .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#sk", TableKeys.SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(appId),
                        ":p", AttributeValue.fromS(TableKeys.REWARD_SK_PREFIX))))) {
            page.items().forEach(item -> rewards.add(reward(item)));
        }
        return rewards;
    }

    /** The transaction item that takes one of the reward's stock, if any is left at the cost charged. */
    public TransactWriteItem takeOne(String appId, Reward reward) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(LoyaltyStore.key(appId, TableKeys.reward(reward.rewardId())))
                .updateExpression("SET #stock = #stock - :one")
                .conditionExpression("#stock >= :one AND #en = :t AND #cost = :cost")
                .expressionAttributeNames(Map.of("#stock", STOCK, "#en", ENABLED, "#cost", COST))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":t", AttributeValue.fromBool(true),
                        ":cost", AttributeValue.fromN(Long.toString(reward.costPoints()))))
                .build()).build();
    }

    private static Reward reward(Map<String, AttributeValue> item) {
        return new Reward(item.get(TableKeys.SK).s().substring(TableKeys.REWARD_SK_PREFIX.length()),
                item.get(NAME).s(), Long.parseLong(item.get(COST).n()), Long.parseLong(item.get(STOCK).n()),
                item.containsKey(MIN_LEVEL) ? item.get(MIN_LEVEL).s() : null, item.get(ENABLED).bool());
    }
}
