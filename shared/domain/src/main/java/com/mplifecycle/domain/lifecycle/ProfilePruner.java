package com.mplifecycle.domain.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.Order;

/**
 * Drops history no rule needs any more, relative to the latest activity (not the wall clock), so
 * that pruning the same profile twice changes nothing. Paid orders older than
 * {@link #ORDERS_KEPT} move into the archived totals and their ids into
 * {@link CustomerProfile#archivedOrderIds()}: an order is always either in the list or in that
 * set, which is what lets the fold and the import recognise it again.
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
        return archiveOrders(p.toBuilder().activeDays(days).spentGrants(spent).build());
    }

    private CustomerProfile archiveOrders(CustomerProfile p) {
        Instant orderCutoff = p.lastActiveAt().minus(ORDERS_KEPT);
        List<Order> kept = new ArrayList<>();
        List<String> archivedIds = new ArrayList<>();
        long archivedOrders = p.archivedOrders();
        long archivedRevenue = p.archivedRevenueFen();
        TreeSet<Long> archivedDays = new TreeSet<>();
        for (Order o : p.orders()) {
            if (o.isPaid() && o.paidAt().isBefore(orderCutoff)) {
                archivedOrders += o.counts() ? 1 : 0;
                archivedRevenue += o.netFen();
                archivedDays.add(LocalDate.ofInstant(o.paidAt(), zone).toEpochDay());
                archivedIds.add(o.orderId());
            } else {
                kept.add(o);
            }
        }
        if (archivedIds.isEmpty()) {
            return p;
        }
        return p.toBuilder().orders(kept)
                .archived(archivedOrders, archivedRevenue, p.archivedOrderDays() + archivedDays.size())
                .archivedOrderIds(p.archivedOrderIds().with(archivedIds))
                .build();
    }
}
