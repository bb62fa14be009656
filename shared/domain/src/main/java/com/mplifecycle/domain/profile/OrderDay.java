package com.mplifecycle.domain.profile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The paid orders of one local day that a profile no longer keeps one by one (more than
 * {@code ProfileBounds} allows), summed: what the product shows of them (order count, revenue,
 * RFM's frequency and monetary value, first and last order time) stays exact, only their ids and
 * refunds are gone (the ids are in {@link ArchivedOrderIds}). Only counted orders (not fully
 * refunded) are in it.
 *
 * @param day    epoch day in the app's time zone
 * @param orders counted orders of that day
 * @param zero   of which ¥0 orders (they count as orders, for RFM too, adding nothing to M:
 *               {@link com.mplifecycle.domain.order.PaidOrders})
 * @param netFen their amounts net of refunds
 * @param first  the earliest paid time among them
 * @param last   the latest paid time among them
 */
public record OrderDay(int day, long orders, long zero, long netFen, Instant first, Instant last) {
    public OrderDay {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (orders < 1 || zero < 0 || zero > orders || netFen < orders - zero) {
            throw new IllegalArgumentException("inconsistent order day " + day);
        }
    }

    public static OrderDay of(int day, Order order) {
        return new OrderDay(day, 1, order.amountFen() == 0 ? 1 : 0, order.netFen(), order.paidAt(), order.paidAt());
    }

    public OrderDay plus(OrderDay other) {
        return new OrderDay(day, orders + other.orders, zero + other.zero, netFen + other.netFen,
                first.isBefore(other.first) ? first : other.first, last.isAfter(other.last) ? last : other.last);
    }

    /**
     * The day's orders as RFM sees them: one RFM order per order, ¥0 ones at 0, the net amount split
     * over the others so that count and sum are those of the real orders (each was at least 1 fen net).
     */
    public List<com.mplifecycle.domain.rfm.Order> rfmOrders() {
        long positive = orders - zero;
        LocalDate date = LocalDate.ofEpochDay(day);
        List<com.mplifecycle.domain.rfm.Order> out = new ArrayList<>((int) orders);
        for (long i = 0; i < zero; i++) {
            out.add(com.mplifecycle.domain.rfm.Order.of(date, 0));
        }
        for (long i = 1; i < positive; i++) {
            out.add(com.mplifecycle.domain.rfm.Order.of(date, 1));
        }
        if (positive > 0) {
            out.add(com.mplifecycle.domain.rfm.Order.of(date, netFen - (positive - 1)));
        }
        return out;
    }
}
