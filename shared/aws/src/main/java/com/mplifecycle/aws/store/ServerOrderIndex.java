package com.mplifecycle.aws.store;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mplifecycle.domain.event.ServerOrders;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The merchant's server orders and refunds by id, in the loyalty table
 * ({@code {appId}#order#{orderId}} / {@code order}, {@code {appId}#refund#{refundId}} / {@code refund}):
 * which customer an order is for (a refund names only its order), what is left to refund, and the
 * content of each id so that a resend of the same order is accepted again and a different order
 * under a used id is refused. Kept {@link ServerOrders#keptDays} after payment (TTL: 400 days with the
 * default growth window), a refund as long as its order.
 */
public final class ServerOrderIndex {
    static final String CUSTOMER = "cid";
    static final String OPENID = "oid";
    static final String AMOUNT = "amt";
    static final String PAID_AT = "at";
    static final String REFUNDABLE = "left";
    static final String ORDER_ID = "ord";

    /** The outcome of recording one order or refund; {@code customerId}/{@code openid} are whose it is. */
    public record Recorded(boolean accepted, String reason, String customerId, String openid) {
        static Recorded refused(String reason) {
            return new Recorded(false, reason, null, null);
        }
    }

    private final DynamoDbClient db;
    private final String table;

    public ServerOrderIndex(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    /**
     * Records an order once by id: a resend of the same order is accepted again, another under its id refused.
     *
     * @param keptDays how long after its payment the order is kept ({@link ServerOrders#keptDays})
     */
    public Recorded record(String appId, ServerOrders.Order order, int keptDays) {
        Map<String, AttributeValue> item = new HashMap<>(LoyaltyStore.key(TableKeys.serverOrder(appId, order.orderId()),
                TableKeys.ORDER_INDEX_SK));
        item.put(CUSTOMER, AttributeValue.fromS(order.customerId()));
        if (order.openid() != null) {
            item.put(OPENID, AttributeValue.fromS(order.openid()));
        }
        item.put(AMOUNT, AttributeValue.fromN(Long.toString(order.amountFen())));
        item.put(PAID_AT, AttributeValue.fromN(Long.toString(order.paidAt().toEpochMilli())));
        item.put(REFUNDABLE, AttributeValue.fromN(Long.toString(order.amountFen())));
        item.put(TableKeys.EXPIRES, AttributeValue.fromN(Long.toString(order.paidAt().plus(Duration.ofDays(keptDays)).getEpochSecond())));
        try {
            db.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", TableKeys.PK)));
            return new Recorded(true, null, order.customerId(), order.openid());
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> stored = get(TableKeys.serverOrder(appId, order.orderId()), TableKeys.ORDER_INDEX_SK);
            boolean same = stored != null && order.customerId().equals(stored.get(CUSTOMER).s())
                    && order.amountFen() == Long.parseLong(stored.get(AMOUNT).n())
                    && order.paidAt().toEpochMilli() == Long.parseLong(stored.get(PAID_AT).n());
            return same ? new Recorded(true, null, order.customerId(), order.openid())
                    : Recorded.refused("orderId was already recorded with another customer, amount or paidAt");
        }
    }

    /**
     * Records a refund once by id, taking its amount from what is left to refund of its order in the
     * same transaction: never more than the order's amount in total, never twice.
     */
    public Recorded record(String appId, ServerOrders.Refund refund) {
        String orderPk = TableKeys.serverOrder(appId, refund.orderId());
        Map<String, AttributeValue> order = get(orderPk, TableKeys.ORDER_INDEX_SK);
        if (order == null) {
            return Recorded.refused("unknown orderId: send the order to /orders first");
        }
        String customerId = order.get(CUSTOMER).s();
        String openid = order.containsKey(OPENID) ? order.get(OPENID).s() : null;
        String refundPk = TableKeys.serverRefund(appId, refund.refundId());
        Map<String, AttributeValue> item = new HashMap<>(LoyaltyStore.key(refundPk, TableKeys.REFUND_INDEX_SK));
        item.put(ORDER_ID, AttributeValue.fromS(refund.orderId()));
        item.put(AMOUNT, AttributeValue.fromN(Long.toString(refund.amountFen())));
        item.put(PAID_AT, AttributeValue.fromN(Long.toString(refund.refundedAt().toEpochMilli())));
        item.put(TableKeys.EXPIRES, AttributeValue.fromN(order.get(TableKeys.EXPIRES).n()));
        AttributeValue amount = AttributeValue.fromN(Long.toString(refund.amountFen()));
        try {
            db.transactWriteItems(b -> b.transactItems(List.of(
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                            .conditionExpression("attribute_not_exists(#pk)")
                            .expressionAttributeNames(Map.of("#pk", TableKeys.PK)).build()).build(),
                    TransactWriteItem.builder().update(Update.builder().tableName(table)
                            .key(LoyaltyStore.key(orderPk, TableKeys.ORDER_INDEX_SK))
                            .updateExpression("SET #left = #left - :a").conditionExpression("#left >= :a")
                            .expressionAttributeNames(Map.of("#left", REFUNDABLE))
                            .expressionAttributeValues(Map.of(":a", amount)).build()).build())));
            return new Recorded(true, null, customerId, openid);
        } catch (TransactionCanceledException e) {
            Map<String, AttributeValue> stored = get(refundPk, TableKeys.REFUND_INDEX_SK);
            if (stored != null) {
                boolean same = refund.orderId().equals(stored.get(ORDER_ID).s())
                        && refund.amountFen() == Long.parseLong(stored.get(AMOUNT).n())
                        && refund.refundedAt().toEpochMilli() == Long.parseLong(stored.get(PAID_AT).n());
                return same ? new Recorded(true, null, customerId, openid)
                        : Recorded.refused("refundId was already recorded with another order, amount or refundedAt");
            }
            if ("ConditionalCheckFailed".equals(e.cancellationReasons().get(1).code())) {
                return Recorded.refused("refunds would exceed the order's amount ("
                        + order.get(AMOUNT).n() + " fen)");
            }
            throw new StoreUnavailableException("refund not recorded: " + e.getMessage(), e);
        }
    }

    private Map<String, AttributeValue> get(String pk, String sk) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table).consistentRead(true)
                .key(LoyaltyStore.key(pk, sk))).item();
        return item == null || item.isEmpty() ? null : item;
    }

    static Instant at(Map<String, AttributeValue> item) {
        return Instant.ofEpochMilli(Long.parseLong(item.get(PAID_AT).n()));
    }
}
