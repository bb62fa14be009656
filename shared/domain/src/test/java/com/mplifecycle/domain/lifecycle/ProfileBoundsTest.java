package com.mplifecycle.domain.lifecycle;

import static com.mplifecycle.domain.lifecycle.Events.accepted;
import static com.mplifecycle.domain.lifecycle.Events.cart;
import static com.mplifecycle.domain.lifecycle.Events.paid;
import static com.mplifecycle.domain.lifecycle.Events.refunded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.PurchaseHistory;
import com.mplifecycle.domain.rfm.Order;
import com.mplifecycle.domain.rfm.RfmWindow;

class ProfileBoundsTest {
    private static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");
    private static final ZoneId ZONE = AppSettings.DEFAULT_ZONE;
    private final ProfileFolder folder = new ProfileFolder(AppSettings.defaults("shop"));

    private CustomerProfile fold(CustomerProfile p, List<TrackedEvent> events) {
        return folder.fold(p, "o1", events).profile();
    }

    @Test
    void ordersBeyondTheBound_summedPerDay_countRevenueAndRfmExact_redeliveryCountsNothing() {
        List<TrackedEvent> events = new ArrayList<>();
        List<Order> expected = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            Instant at = T0.plusSeconds(600L * i);
            long fen = i % 7 == 0 ? 0 : 100 + i;
            events.add(paid("p" + i, at, "order-" + i, fen));
            expected.add(Order.of(java.time.LocalDate.ofInstant(at, ZONE), fen));
        }
        CustomerProfile p = fold(CustomerProfile.empty("shop", "c1"), events);

        assertTrue(p.orders().size() <= ProfileBounds.ORDERS_KEPT && p.orders().size() > 200, p.orders().size() + "");
        assertTrue(!p.orderDays().isEmpty());
        assertEquals(1_200, p.paidOrders());
        assertEquals(expected.stream().mapToLong(Order::amountFen).sum(), p.revenueFen());
        RfmWindow window = RfmWindow.endingOn(java.time.LocalDate.ofInstant(T0.plusSeconds(600L * 1_200), ZONE));
        assertEquals(window.values(expected), window.values(PurchaseHistory.rfmOrders(p, ZONE)));
        assertEquals(T0, p.firstOrderAt());
        assertEquals(p, fold(p, events.subList(0, 100)));
    }

    @Test
    void archivedIdsOverTheirBound_forgottenUpToTheNewest_oldOrderNeverCountedTwice() {
        List<TrackedEvent> events = new ArrayList<>();
        int n = ProfileBounds.ORDERS_KEPT + com.mplifecycle.domain.profile.ArchivedOrderIds.MAX_DIGESTS + 10;
        for (int i = 0; i < n; i++) {
            events.add(paid("p" + i, T0.plusSeconds(i), "order-" + i, 100));
        }
        CustomerProfile p = fold(CustomerProfile.empty("shop", "c1"), events);

        assertTrue(p.archivedOrderIds().forgottenUpTo() != null);
        assertEquals(n, p.paidOrders());
        assertEquals(n, fold(p, List.of(paid("again", T0, "order-0", 100))).paidOrders());
        assertEquals(n + 1, fold(p, List.of(paid("new", T0.plusSeconds(n), "order-new", 100))).paidOrders());
    }

    @Test
    void archivedIdsOverTheirBound_olderRequestFoldedLate_stillCounted() {
        // parallel requests can be folded out of order: a batch of new orders older than orders
        // already archived must count, as long as it is newer than the digests forgotten
        int n = 2_000;
        List<TrackedEvent> early = new ArrayList<>();
        List<TrackedEvent> late = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TrackedEvent e = paid("p" + i, T0.plusSeconds(i), "order-" + i, 100);
            (i >= 1_000 && i < 1_100 ? late : early).add(e);
        }
        CustomerProfile p = fold(fold(CustomerProfile.empty("shop", "c1"), early), late);

        assertTrue(p.archivedOrderIds().forgottenUpTo() != null);
        assertTrue(p.archivedOrderIds().size() <= com.mplifecycle.domain.profile.ArchivedOrderIds.MAX_DIGESTS);
        assertEquals(n, p.paidOrders());
        assertEquals(n * 100L, PurchaseHistory.rfmOrders(p, ZONE).stream().mapToLong(o -> o.amountFen() - o.refundedFen()).sum());
        assertEquals(n, fold(p, List.of(paid("again", T0.plusSeconds(1_050), "order-1050", 100))).paidOrders());
    }

    @Test
    void refundsPerOrder_bounded_laterOnesIgnored() {
        List<TrackedEvent> events = new ArrayList<>(List.of(paid("p", T0, "o-1", 10_000)));
        for (int i = 0; i < 50; i++) {
            events.add(refunded("r" + i, T0.plusSeconds(1 + i), "o-1", 10));
        }
        CustomerProfile p = fold(CustomerProfile.empty("shop", "c1"), events);

        assertEquals(ProfileBounds.REFUNDS_PER_ORDER, p.orders().get(0).refunds().size());
        assertEquals(10_000 - 10L * ProfileBounds.REFUNDS_PER_ORDER, p.revenueFen());
    }

    @Test
    void cartBeyondItsSkus_newSkuIgnored_knownSkuStillUpdated() {
        List<TrackedEvent> events = new ArrayList<>();
        for (int i = 0; i < ProfileBounds.CART_SKUS + 5; i++) {
            events.add(cart("c" + i, T0.plusSeconds(i), "sku-" + i, 1, 100));
        }
        events.add(cart("again", T0.plusSeconds(1_000), "sku-0", 3, 100));
        CustomerProfile p = fold(CustomerProfile.empty("shop", "c1"), events);

        assertEquals(ProfileBounds.CART_SKUS, p.cart().quantities().size());
        assertEquals(3L, p.cart().quantities().get("sku-0"));
        assertEquals(100L * ProfileBounds.CART_SKUS, p.cart().valueFen());
    }

    @Test
    void creditsBeyondTheirTemplates_latestAcceptAlwaysHolds() {
        List<TrackedEvent> events = new ArrayList<>();
        for (int i = 0; i < ProfileBounds.CREDIT_TEMPLATES + 20; i++) {
            events.add(accepted("s" + i, T0.plusSeconds(i), "TPL_" + i));
        }
        CustomerProfile p = fold(CustomerProfile.empty("shop", "c1"), events);
        assertEquals(ProfileBounds.CREDIT_TEMPLATES, p.creditGrants().size());

        CustomerProfile after = fold(p, List.of(accepted("late", T0.plusSeconds(500), "TPL_LATE")));

        assertEquals(1, after.credits().get("TPL_LATE"));
        assertEquals(ProfileBounds.CREDIT_TEMPLATES, after.creditGrants().size());
    }
}
