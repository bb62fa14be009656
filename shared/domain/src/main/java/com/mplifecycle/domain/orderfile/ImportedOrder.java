package com.mplifecycle.domain.orderfile;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import com.mplifecycle.domain.profile.Order;

/**
 * A paid order read from a line of an order file. {@code customerId} is final (derived from the
 * openid when the file has openids, which {@code openid} then keeps; null otherwise).
 */
public record ImportedOrder(int lineNumber, String customerId, String openid, String orderId, Instant paidAt,
                            long amountFen) implements ParsedLine {
    public ImportedOrder {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(paidAt, "paidAt");
        if (amountFen < 0) {
            throw new IllegalArgumentException("amountFen must not be negative");
        }
    }

    public Order toOrder() {
        return new Order(orderId, paidAt, amountFen, Map.of(), null);
    }

    /** Same order, possibly from another line: same customer, id, time and amount. */
    boolean sameOrderAs(ImportedOrder other) {
        return customerId.equals(other.customerId) && orderId.equals(other.orderId) && paidAt.equals(other.paidAt)
                && amountFen == other.amountFen;
    }
}
