package com.mplifecycle.domain.profile;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mplifecycle.domain.churn.RepeatSummary;
import com.mplifecycle.domain.rfm.Order;

/**
 * A profile's paid orders as RFM and BG/NBD see them: order days in the app's time zone, amounts
 * and refunds in fen, the orders summed per day ({@link OrderDay}) included. Orders not yet paid (a
 * refund that arrived first) are left out; whether an order counts is
 * {@link com.mplifecycle.domain.order.PaidOrders}'s rule, not repeated here.
 */
public final class PurchaseHistory {
    private PurchaseHistory() {
    }

    public static List<Order> rfmOrders(CustomerProfile profile, ZoneId zone) {
        List<Order> out = new ArrayList<>();
        profile.orderDays().forEach(d -> out.addAll(d.rfmOrders()));
        profile.orders().stream()
                .filter(com.mplifecycle.domain.profile.Order::isPaid)
                .map(o -> new Order(LocalDate.ofInstant(o.paidAt(), zone), o.amountFen(), o.refundedFen()))
                .forEach(out::add);
        return out;
    }

    /** The BG/NBD summary in weeks from the first purchase to {@code asOf}, or empty for a non-buyer. */
    public static Optional<RepeatSummary> repeatSummary(List<Order> orders, LocalDate asOf) {
        return RepeatSummary.fromPurchaseDates(orders.stream().filter(Order::counts).map(Order::date).toList(), asOf);
    }
}
