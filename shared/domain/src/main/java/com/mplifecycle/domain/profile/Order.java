package com.mplifecycle.domain.profile;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import com.mplifecycle.domain.order.PaidOrders;

/**
 * A paid order as the profile keeps it. Refunds are keyed by the refund event's id so that a
 * redelivered refund counts once; a refund may arrive before its order ({@code paidAt} null).
 * {@code source} says where the order came from: {@code server} (the merchant's server, trusted),
 * {@code import} (an order file) or {@code client} (the mini-program's {@code order_paid}; also
 * every order stored before sources were recorded, read as null).
 */
public record Order(String orderId, Instant paidAt, long amountFen, Map<String, Long> refunds, String source) {
    public static final String CLIENT = "client";
    public static final String SERVER = "server";
    public static final String IMPORT = "import";

    public Order {
        Objects.requireNonNull(orderId, "orderId");
        refunds = refunds == null ? Map.of() : Map.copyOf(refunds);
    }

    /** Where the order came from; orders stored before sources were recorded came from clients. */
    public String sourceOrClient() {
        return source == null ? CLIENT : source;
    }

    public boolean fromServer() {
        return SERVER.equals(source);
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
