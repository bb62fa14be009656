package com.mplifecycle.domain.profile;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import com.mplifecycle.domain.order.PaidOrders;

/**
 * A paid order as the profile keeps it. Refunds are keyed by the refund event's id so that a
 * redelivered refund counts once; a refund may arrive before its order ({@code paidAt} null).
 */
public record Order(String orderId, Instant paidAt, long amountFen, Map<String, Long> refunds) {
    public Order {
        Objects.requireNonNull(orderId, "orderId");
        refunds = refunds == null ? Map.of() : Map.copyOf(refunds);
    }

    public boolean isPaid() {
        return paidAt != null;
    }

    public long refundedFen() {
        return refunds.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Amount net of refunds, never negative. */
    public long netFen() {
        return Math.max(0, amountFen - refundedFen());
    }

    /** Whether this is a paid order that counts ({@link PaidOrders#counts}). */
    public boolean counts() {
        return isPaid() && PaidOrders.counts(amountFen, refundedFen());
    }
}
