package com.mplifecycle.domain.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.Order;

class OrderImportTest {
    private static final Instant NOW = Instant.parse("2026-03-01T04:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private final AppSettings settings = AppSettings.defaults("shop");
    private final OrderImport orderImport = new OrderImport(settings);
    private final ProfileFolder folder = new ProfileFolder(settings);

    private static Order order(String id, Instant at, long fen) {
        return new Order(id, at, fen, Map.of(), null);
    }

    private static Instant daysAgo(long days) {
        return NOW.minus(DAY.multipliedBy(days));
    }

    private static CustomerProfile empty() {
        return CustomerProfile.empty("shop", "c1");
    }

    private OrderImport.Result merge(CustomerProfile p, Order... orders) {
        return orderImport.merge(p, null, List.of(orders), NOW);
    }

    /** Three years of orders: two fall out of the 400-day window before the last one. */
    private static Order[] history() {
        return new Order[] {order("o-1", daysAgo(1_100), 1_000), order("o-2", daysAgo(900), 2_000),
            order("o-3", daysAgo(300), 4_000), order("o-4", daysAgo(200), 8_000)};
    }

    @Test
    void merge_sameOrdersTwice_secondMergeChangesNothing() {
        OrderImport.Result first = merge(empty(), history());

        OrderImport.Result second = merge(first.profile(), history());

        assertEquals(first.profile(), second.profile());
        assertEquals(0, second.added());
        assertEquals(4, second.known());
        assertTrue(second.changes().isEmpty());
    }

    @Test
    void merge_ordersOver400DaysBeforeLastOrder_goToArchivedTotals() {
        CustomerProfile p = merge(empty(), history()).profile();

        assertEquals(2, p.archivedOrders());
        assertEquals(3_000, p.archivedRevenueFen());
        assertEquals(List.of("o-3", "o-4"), p.orders().stream().map(Order::orderId).toList());
        assertEquals(4, p.paidOrders());
        assertEquals(15_000, p.revenueFen());
        assertEquals(2, p.archivedOrderIds().size());
    }

    @Test
    void merge_archivedOrdersAgainInAnotherOrder_notCountedTwice() {
        CustomerProfile once = merge(empty(), history()).profile();

        OrderImport.Result again = merge(once, order("o-2", daysAgo(900), 2_000), order("o-1", daysAgo(1_100), 1_000));

        assertSame(once, again.profile());
        assertEquals(2, again.known());
    }

    @Test
    void merge_fileInTwoParts_sameProfileAsWhole() {
        Order[] all = history();
        CustomerProfile whole = merge(empty(), all).profile();

        CustomerProfile parts = merge(merge(empty(), all[2], all[0]).profile(), all[1], all[3], all[0]).profile();

        assertEquals(whole.orders(), parts.orders());
        assertEquals(whole.revenueFen(), parts.revenueFen());
        assertEquals(whole.paidOrders(), parts.paidOrders());
        assertEquals(whole.archivedOrderIds(), parts.archivedOrderIds());
        assertEquals(whole.stage(), parts.stage());
        assertEquals(whole.stageSince(), parts.stageSince());
        assertEquals(0, parts.reactivations());
    }

    @Test
    void merge_orderKnownFromLiveEventsWithRefund_leavesOrderAndRefundUntouched() {
        CustomerProfile live = folder.fold(empty(), "o1", List.of(Events.paid("e1", daysAgo(3), "o-9", 5_000),
                Events.refunded("e2", daysAgo(2), "o-9", 1_500))).profile();

        OrderImport.Result r = merge(live, order("o-9", daysAgo(3), 9_999));

        assertSame(live, r.profile());
        assertEquals(3_500, r.profile().revenueFen());
        assertEquals(1, r.known());
    }

    @Test
    void merge_refundArrivedBeforeOrder_keepsTheRefund() {
        CustomerProfile refundOnly = folder.fold(empty(), "o1",
                List.of(Events.refunded("e2", daysAgo(2), "o-9", 1_500))).profile();

        CustomerProfile p = merge(refundOnly, order("o-9", daysAgo(3), 5_000)).profile();

        assertEquals(3_500, p.revenueFen());
        assertEquals(Map.of("e2", 1_500L), p.orders().get(0).refunds());
    }

    @Test
    void merge_customerWhoLastOrderedLongAgo_arrivesChurnedWithHistoryTimes() {
        CustomerProfile p = merge(empty(), history()).profile();

        assertEquals(Stage.CHURNED, p.stage());
        assertEquals(daysAgo(200).plus(DAY.multipliedBy(60)), p.stageSince());
        assertEquals(daysAgo(1_100), p.firstSeenAt());
        assertEquals(daysAgo(200), p.lastActiveAt());
    }

    @Test
    void merge_importedChurnedCustomer_leavesNothingForTheDailyDecay() {
        CustomerProfile p = merge(empty(), history()).profile();

        assertTrue(new StageRules(settings.lifecycle()).decay(p, NOW.plus(DAY), OptionalDouble.empty()).isEmpty());
    }

    @Test
    void merge_repeatBuyerSilentForTwentyDays_arrivesDeclining() {
        CustomerProfile p = merge(empty(), order("a", daysAgo(60), 1_000), order("b", daysAgo(20), 1_000)).profile();

        assertEquals(Stage.DECLINING, p.stage());
        assertEquals(daysAgo(20).plus(DAY.multipliedBy(14)), p.stageSince());
    }

    @Test
    void merge_oneRecentOrder_arrivesGrowingSinceThatOrder() {
        OrderImport.Result r = merge(empty(), order("a", daysAgo(2), 1_000));

        assertEquals(Stage.GROWING, r.profile().stage());
        assertEquals(daysAgo(2), r.profile().stageSince());
        assertEquals(List.of(Stage.NEW, Stage.GROWING), r.changes().stream().map(StageChange::to).toList());
    }

    @Test
    void merge_historyOlderThanLiveActivity_promotesButLeavesDecayToTheDailyRun() {
        CustomerProfile live = folder.fold(empty(), "o1", List.of(Events.launch("e1", daysAgo(22)),
                Events.launch("e2", daysAgo(21)), Events.launch("e3", daysAgo(20)))).profile();

        CustomerProfile p = merge(live, order("a", daysAgo(300), 1_000), order("b", daysAgo(100), 1_000)).profile();

        assertEquals(Stage.MATURE, p.stage());
        assertEquals(daysAgo(20), p.stageSince());
        assertEquals(daysAgo(20), p.lastActiveAt());
        assertEquals(daysAgo(300), p.firstSeenAt());
    }

    @Test
    void merge_lapsedCustomerWithLaterImportedOrder_comesBackWithoutCountingAReactivation() {
        CustomerProfile churned = merge(empty(), order("a", daysAgo(400), 1_000)).profile();

        CustomerProfile p = merge(churned, order("b", daysAgo(1), 1_000)).profile();

        assertEquals(Stage.CHURNED, churned.stage());
        assertEquals(Stage.MATURE, p.stage());
        assertEquals(0, p.reactivations());
    }

    @Test
    void merge_openidGiven_keepsItOnTheProfile() {
        CustomerProfile p = orderImport.merge(empty(), "oid-1", List.of(order("a", daysAgo(2), 1)), NOW).profile();

        assertEquals("oid-1", p.openid());
    }

    @Test
    void fold_liveOrderEventForAnArchivedImportedOrder_changesNothing() {
        CustomerProfile live = folder.fold(empty(), "o1", List.of(Events.launch("e1", daysAgo(1)))).profile();
        CustomerProfile imported = merge(live, history()).profile();

        ProfileFolder.Result r = folder.fold(imported, "o1", List.of(Events.paid("e9", daysAgo(1), "o-1", 1_000)));

        assertEquals(imported.revenueFen(), r.profile().revenueFen());
        assertEquals(imported.paidOrders(), r.profile().paidOrders());
    }

    @Test
    void merge_manyOrdersInAnyOrder_totalsEqualTheirSum() {
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            orders.add(order("o-" + i, daysAgo(30L * i + 1), 100L * i));
        }
        List<Order> reversed = new ArrayList<>(orders);
        java.util.Collections.reverse(reversed);

        CustomerProfile p = orderImport.merge(empty(), null, reversed, NOW).profile();

        assertEquals(orders.stream().mapToLong(Order::amountFen).sum(), p.revenueFen());
        assertEquals(50, p.paidOrders()); // a zero-amount order counts too (Order.counts)
    }
}
