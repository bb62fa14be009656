package com.mplifecycle.domain.rfm;

import java.time.LocalDate;
import java.util.Objects;

import com.mplifecycle.domain.order.PaidOrders;

/**
 * One paid order of a customer as RFM sees it: the order day, the amount paid and the part
 * of it refunded so far, both in fen.
 *
 * <p>Whether it counts is the one rule of {@link PaidOrders}: a ¥0 order counts (for F and R, adding
 * nothing to M), an order refunded in full does not.
 */
public record Order(LocalDate date, long amountFen, long refundedFen) {

    public Order {
        Objects.requireNonNull(date, "date");
        if (amountFen < 0) {
            throw new IllegalArgumentException("amountFen must be >= 0: " + amountFen);
        }
        if (refundedFen < 0) {
            throw new IllegalArgumentException("refundedFen must be >= 0: " + refundedFen);
        }
    }

    public static Order of(LocalDate date, long amountFen) {
        return new Order(date, amountFen, 0);
    }

    /** Amount net of refunds, never negative (refunds above the amount are ignored). */
    public long netAmountFen() {
        return Math.max(0, amountFen - refundedFen);
    }

    /** Whether this order counts as a paid order ({@link PaidOrders#counts}). */
    public boolean counts() {
        return PaidOrders.counts(amountFen, refundedFen);
    }
}
