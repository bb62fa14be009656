package com.mplifecycle.domain.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.profile.CustomerProfile;

/** The due index's moment: when a dispatch run next has something to decide for a customer. */
class NextDueTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant T0 = Instant.parse("2026-03-10T02:00:00Z"); // 10:00 in Shanghai
    private final DispatchPlanner planner = new DispatchPlanner(PushPolicy.DEFAULTS, SHANGHAI);

    private static Campaign campaign(String id, Trigger trigger) {
        return new Campaign(id, id, true, 50, trigger, null, "T", "pages/index", Map.of("thing1", "提醒"), List.of(), 0);
    }

    private static final Campaign CART = campaign("cart", new Trigger.CartAbandoned(2));
    private static final Campaign INACTIVE = campaign("inactive", new Trigger.Inactive(3));
    private static final Campaign BIRTHDAY = campaign("birthday", new Trigger.Birthday());

    @Test
    void earliestUndecidedOccurrence_pastQuietHours() {
        CustomerProfile p = Profiles.base("c1", T0.minus(Duration.ofDays(10))).stage(Stage.GROWING, T0)
                .lastActiveAt(T0).cart(Profiles.cart(T0)).build();

        assertEquals(Optional.of(T0.plus(Duration.ofHours(2))), planner.nextDue(p, List.of(INACTIVE, CART), Set.of(), T0));
        // decided: the inactivity three days later is next
        assertEquals(Optional.of(T0.plus(Duration.ofDays(3))), planner.nextDue(p, List.of(INACTIVE, CART),
                Set.of(DispatchPlanner.key("cart", "cart:" + T0.toEpochMilli())), T0.plus(Duration.ofHours(2))));
        // a cart left at 21:00 is due at 23:00, in quiet hours: the run at 08:00 decides it
        Instant evening = Instant.parse("2026-03-10T13:00:00Z");
        CustomerProfile late = p.toBuilder().cart(Profiles.cart(evening)).build();
        assertEquals(Optional.of(Instant.parse("2026-03-11T00:00:00Z")), planner.nextDue(late, List.of(CART), Set.of(),
                evening));
        // due now: now
        assertEquals(Optional.of(T0.plus(Duration.ofHours(5))), planner.nextDue(p, List.of(CART), Set.of(),
                T0.plus(Duration.ofHours(5))));
    }

    @Test
    void nothingUntilTheProfileChanges_isEmpty_andBirthdaysLookToNextYear() {
        CustomerProfile noCart = Profiles.base("c1", T0).build();
        assertTrue(planner.nextDue(noCart, List.of(CART), Set.of(), T0).isEmpty());
        CustomerProfile oldCart = Profiles.base("c2", T0).cart(Profiles.cart(T0.minus(Duration.ofDays(5)))).build();
        assertTrue(planner.nextDue(oldCart, List.of(CART), Set.of(), T0).isEmpty(), "its window has ended");

        CustomerProfile bday = Profiles.base("c3", T0).demographics(Profiles.birthday("03-10")).build();
        Instant today = Instant.parse("2026-03-09T16:00:00Z"); // 10 March 00:00 Shanghai
        assertEquals(Optional.of(T0), planner.nextDue(bday, List.of(BIRTHDAY), Set.of(), T0), "due now");
        assertEquals(Optional.of(today.plus(Duration.ofDays(365)).plus(Duration.ofHours(8))),
                planner.nextDue(bday, List.of(BIRTHDAY), Set.of("birthday#birthday:2026"), T0),
                "decided this year: next year at 08:00");
    }
}
