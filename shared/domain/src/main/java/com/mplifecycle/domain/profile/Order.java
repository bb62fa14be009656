package com.mplifecycle.domain.profile;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

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

    /** A paid order that was not refunded in full counts as an order. */
    public boolean counts() {
        return isPaid() && (amountFen == 0 || netFen() > 0);
    }
}
