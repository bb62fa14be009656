package com.mplifecycle.domain.loyalty;

import java.time.LocalDate;

/**
 * A server order as the points account keeps it while it counts for growth or can still be
 * refunded: the local day it was paid, its amount, what was refunded, the points it earned and
 * the points refunds took back (so that a refund takes exactly its share, rounding included).
 */
public record AccountOrder(LocalDate day, long amountFen, long refundedFen, long points, long pointsTaken) {
    public long netFen() {
        return Math.max(0, amountFen - refundedFen);
    }
}
