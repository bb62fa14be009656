package com.mplifecycle.domain.rfm;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One paid order of a customer as RFM sees it: the order day, the amount paid and the part
 * of it refunded so far, both in fen.
 *
 * <p>An order counts as a paid order while some of its amount remains after refunds
 * ({@link #counts()}); a fully refunded order (or a zero-amount one) counts for nothing.
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

    /** Whether this order is still a paid order, i.e. not fully refunded. */
    public boolean counts() {
        return netAmountFen() > 0;
    }
}
