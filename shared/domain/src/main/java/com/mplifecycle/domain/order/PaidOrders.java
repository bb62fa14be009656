package com.mplifecycle.domain.order;

/**
 * What counts as a paid order, for every rule that counts orders: the stages ({@code GROWING} at the
 * first, {@code MATURE} at the second), RFM's F and R, the BG/NBD purchase history, the order
 * statistics and the campaign triggers that ask "has ordered".
 *
 * <p>A paid order counts unless refunds took back all of a positive amount. So a ¥0 order (a free
 * gift, an order paid in full with coupons or points) counts: the customer completed a purchase,
 * and it adds nothing to M. A partial refund lowers M and leaves the order counted. See
 * docs/product.md, "Orders".
 */
public final class PaidOrders {
    private PaidOrders() {
    }

    /** Whether a paid order of {@code amountFen}, {@code refundedFen} of it refunded so far, counts. */
    public static boolean counts(long amountFen, long refundedFen) {
        return amountFen == 0 || refundedFen < amountFen;
    }
}
