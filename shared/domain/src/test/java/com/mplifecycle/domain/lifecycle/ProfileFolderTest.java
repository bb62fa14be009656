package com.mplifecycle.domain.lifecycle;

import static com.mplifecycle.domain.lifecycle.Events.accepted;
import static com.mplifecycle.domain.lifecycle.Events.cart;
import static com.mplifecycle.domain.lifecycle.Events.checkIn;
import static com.mplifecycle.domain.lifecycle.Events.launch;
import static com.mplifecycle.domain.lifecycle.Events.paid;
import static com.mplifecycle.domain.lifecycle.Events.refunded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.domain.profile.CustomerProfile;

class ProfileFolderTest {
    private static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");
    private final ProfileFolder folder = new ProfileFolder(AppSettings.defaults("shop"));

    private ProfileFolder.Result fold(CustomerProfile p, TrackedEvent... events) {
        return folder.fold(p, "o1", List.of(events));
    }

    @Test
    void fold_sameEventsTwice_secondFoldChangesNothing() {
        TrackedEvent[] events = {launch("a", T0), paid("b", T0.plusSeconds(5), "o-1", 2500),
            accepted("c", T0.plusSeconds(6), "tpl"), checkIn("d", T0.plusSeconds(7), "2026-03-01"),
            refunded("e", T0.plusSeconds(8), "o-1", 500)};
        ProfileFolder.Result first = fold(CustomerProfile.empty("shop", "c1"), events);

        ProfileFolder.Result second = fold(first.profile(), events);

        assertEquals(first.profile(), second.profile());
        assertTrue(second.changes().isEmpty());
        assertEquals(2000, second.profile().revenueFen());
        assertEquals(Map.of("tpl", 1), second.profile().credits());
    }

    @Test
    void fold_firstEvents_publishFirstSeenThenPromotion() {
        ProfileFolder.Result r = fold(CustomerProfile.empty("shop", "c1"), launch("a", T0),
                paid("b", T0.plusSeconds(5), "o-1", 2500));

        assertEquals(2, r.changes().size());
        assertNull(r.changes().get(0).from());
        assertEquals(Stage.NEW, r.changes().get(0).to());
        assertEquals(Stage.GROWING, r.changes().get(1).to());
        assertEquals(T0.plusSeconds(5), r.changes().get(1).at());
        assertEquals("paid_orders", r.changes().get(1).reason());
        assertEquals("o1", r.profile().openid());
    }

    @Test
    void fold_refundBeforeOrder_isAppliedWhenOrderArrives() {
        CustomerProfile p = fold(CustomerProfile.empty("shop", "c1"), refunded("r", T0, "o-9", 300)).profile();

        CustomerProfile after = fold(p, paid("p", T0.minusSeconds(10), "o-9", 1000)).profile();

        assertEquals(700, after.revenueFen());
        assertEquals(1, after.paidOrders());
    }

    @Test
    void fold_fullyRefundedOrder_doesNotCountAsOrder() {
        CustomerProfile p = fold(CustomerProfile.empty("shop", "c1"), paid("p", T0, "o-1", 1000),
                refunded("r", T0.plusSeconds(1), "o-1", 1000)).profile();

        assertEquals(0, p.paidOrders());
        assertEquals(0, p.revenueFen());
    }

    @Test
    void fold_checkIns_buildStreakAndRestartAfterGap() {
        CustomerProfile p = fold(CustomerProfile.empty("shop", "c1"), checkIn("a", T0, "2026-03-01"),
                checkIn("b", T0.plus(Duration.ofDays(1)), "2026-03-02"),
                checkIn("c", T0.plus(Duration.ofDays(2)), "2026-03-03")).profile();
        assertEquals(3, p.checkIn().length());

        CustomerProfile gap = fold(p, checkIn("d", T0.plus(Duration.ofDays(5)), "2026-03-06")).profile();

        assertEquals(1, gap.checkIn().length());
    }

    @Test
    void fold_paidAfterCart_clearsCart() {
        CustomerProfile p = fold(CustomerProfile.empty("shop", "c1"), cart("a", T0, "sku-1", 2, 990)).profile();
        assertEquals(1980, p.cart().valueFen());

        CustomerProfile after = fold(p, paid("b", T0.plusSeconds(60), "o-1", 1980)).profile();

        assertNull(after.cart());
    }

    @Test
    void fold_spentGrant_isNotRegrantedByRedelivery() {
        TrackedEvent grant = accepted("g", T0, "tpl");
        CustomerProfile p = fold(CustomerProfile.empty("shop", "c1"), grant).profile();
        CustomerProfile spent = p.toBuilder().creditGrants(Map.of())
                .spentGrants(Map.of("g:tpl", T0.plusSeconds(100).toEpochMilli())).build();

        CustomerProfile after = fold(spent, grant).profile();

        assertEquals(Map.of(), after.credits());
    }

    @Test
    void fold_activityHistory_keepsCohortWindowAndLast60Days() {
        CustomerProfile p = CustomerProfile.empty("shop", "c1");
        for (int d = 0; d <= 200; d += 5) {
            p = fold(p, launch("l" + d, T0.plus(Duration.ofDays(d)))).profile();
        }
        int cohortDay = (int) java.time.LocalDate.of(2026, 3, 1).toEpochDay();

        assertTrue(p.activeDays().contains(cohortDay + 30));
        assertTrue(p.activeDays().stream().noneMatch(d -> d > cohortDay + 30 && d < cohortDay + 200 - 59));
        assertTrue(p.activeDays().contains(cohortDay + 200));
    }
}
