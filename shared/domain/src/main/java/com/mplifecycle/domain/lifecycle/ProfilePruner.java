package com.mplifecycle.domain.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.mplifecycle.domain.profile.ArchivedOrderIds;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.Order;
import com.mplifecycle.domain.profile.OrderDay;

/**
 * Drops history no rule needs any more, relative to the latest activity (not the wall clock), so
 * that pruning the same profile twice changes nothing. Paid orders older than
 * {@link #ORDERS_KEPT} move into the archived totals and their ids into
 * {@link CustomerProfile#archivedOrderIds()}: an order is always either in the list or in that
 * set, which is what lets the fold and the import recognise it again. Beyond
 * {@link ProfileBounds#ORDERS_KEPT} orders (or their byte bound) the oldest paid ones are summed
 * per day ({@link OrderDay}) and their ids go to the same set; the other histories are bounded by
 * {@link ProfileBounds}, so a pruned profile stays within {@link ProfileBounds#BUDGET_BYTES}.
 */
final class ProfilePruner {
    /** Days of activity history kept beyond the first-seen cohort window. */
    static final int ACTIVE_DAYS_KEPT = 60;
    /** Days after first seen kept for D1/D7/D30 retention. */
    static final int COHORT_DAYS_KEPT = 30;
    static final Duration ORDERS_KEPT = Duration.ofDays(400);
    static final Duration SPENT_GRANTS_KEPT = Duration.ofDays(32);

    private final ZoneId zone;

    ProfilePruner(ZoneId zone) {
        this.zone = zone;
    }

    CustomerProfile prune(CustomerProfile p) {
        if (p.lastActiveAt() == null) {
            return p;
        }
        long latestDay = LocalDate.ofInstant(p.lastActiveAt(), zone).toEpochDay();
        long cohortDay = LocalDate.ofInstant(p.firstSeenAt(), zone).toEpochDay();
        List<Integer> days = p.activeDays().stream()
                .filter(d -> d > latestDay - ACTIVE_DAYS_KEPT || d <= cohortDay + COHORT_DAYS_KEPT)
                .toList();
        Instant grantCutoff = p.lastActiveAt().minus(SPENT_GRANTS_KEPT);
        Map<String, Long> spent = new HashMap<>(p.spentGrants());
        spent.values().removeIf(at -> Instant.ofEpochMilli(at).isBefore(grantCutoff));
        return ProfileBounds.bound(archiveOrders(p.toBuilder().activeDays(days).spentGrants(spent).build()));
    }

    private CustomerProfile archiveOrders(CustomerProfile p) {
        Instant orderCutoff = p.lastActiveAt().minus(ORDERS_KEPT);
        long cutoffDay = LocalDate.ofInstant(orderCutoff, zone).toEpochDay();
        List<Order> paid = new ArrayList<>();
        List<Order> pending = new ArrayList<>();
        List<String> archivedIds = new ArrayList<>();
        Instant latestArchived = null;
        long archivedOrders = p.archivedOrders();
        long archivedRevenue = p.archivedRevenueFen();
        TreeSet<Long> archivedDays = new TreeSet<>();
        for (Order o : p.orders()) {
            if (o.isPaid() && o.paidAt().isBefore(orderCutoff)) {
                archivedOrders += o.counts() ? 1 : 0;
                archivedRevenue += o.netFen();
                archivedDays.add(LocalDate.ofInstant(o.paidAt(), zone).toEpochDay());
                archivedIds.add(o.orderId());
                latestArchived = later(latestArchived, o.paidAt());
            } else {
                (o.isPaid() ? paid : pending).add(o);
            }
        }
        // the day sums follow the same 400 days (their ids are in the set already)
        TreeMap<Integer, OrderDay> days = new TreeMap<>();
        for (OrderDay d : p.orderDays()) {
            if (d.last().isBefore(orderCutoff) && d.day() < cutoffDay) {
                archivedOrders += d.orders();
                archivedRevenue += d.netFen();
                archivedDays.add((long) d.day());
            } else {
                days.put(d.day(), d);
            }
        }
        // beyond the budget, the oldest paid orders are summed per day
        paid.sort(Comparator.comparing(Order::paidAt).thenComparing(Order::orderId));
        int keptFrom = paid.size();
        int bytes = 0;
        while (keptFrom > 0 && paid.size() - keptFrom < ProfileBounds.ORDERS_KEPT) {
            bytes += ProfileBounds.orderBytes(paid.get(keptFrom - 1));
            if (bytes > ProfileBounds.ORDER_BYTES) {
                break;
            }
            keptFrom--;
        }
        for (Order o : paid.subList(0, keptFrom)) {
            int day = (int) LocalDate.ofInstant(o.paidAt(), zone).toEpochDay();
            if (o.counts()) {
                days.merge(day, OrderDay.of(day, o), OrderDay::plus);
            }
            archivedIds.add(o.orderId());
            latestArchived = later(latestArchived, o.paidAt());
        }
        List<Order> pendingKept = newestPending(pending);
        if (archivedIds.isEmpty() && days.size() == p.orderDays().size() && pendingKept.size() == pending.size()) {
            return p;
        }
        List<Order> kept = new ArrayList<>(pendingKept);
        kept.addAll(paid.subList(keptFrom, paid.size()));
        ArchivedOrderIds ids = p.archivedOrderIds();
        if (!archivedIds.isEmpty() && ids.newestPaidAt() == null && ids.size() > 0) {
            // a set stored before it knew its newest payment: its orders were archived after 400 days
            latestArchived = later(latestArchived, orderCutoff);
        }
        return p.toBuilder().orders(kept).orderDays(List.copyOf(days.values()))
                .archived(archivedOrders, archivedRevenue, p.archivedOrderDays() + archivedDays.size())
                .archivedOrderIds(ids.with(archivedIds, latestArchived))
                .build();
    }

    /** Refunds of orders not paid yet: the latest few, in the order they came. */
    private static List<Order> newestPending(List<Order> pending) {
        int from = pending.size();
        int bytes = 0;
        while (from > 0 && pending.size() - from < ProfileBounds.PENDING_REFUND_ORDERS) {
            bytes += ProfileBounds.orderBytes(pending.get(from - 1));
            if (bytes > ProfileBounds.PENDING_REFUND_BYTES) {
                break;
            }
            from--;
        }
        return pending.subList(from, pending.size());
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
