package com.mplifecycle.domain.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.event.EventType;
import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.domain.lifecycle.ProfileFolder;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.LastPush;

/** An order_paid within 7 days of the last push decision converts it once, through the lifecycle fold. */
class PushAttributionTest {
    private static final Instant PUSHED = Instant.parse("2026-03-10T02:00:00Z");
    private final ProfileFolder folder = new ProfileFolder(AppSettings.defaults("shop"));

    private static TrackedEvent order(String id, Instant at) {
        return new TrackedEvent("e-" + id, EventType.ORDER_PAID, at, Map.of("orderId", id, "amountFen", 990L));
    }

    private static CustomerProfile pushed(boolean holdout) {
        return Profiles.base("c1", PUSHED.minus(Duration.ofDays(20)))
                .lastPush(LastPush.of("winback", "A", holdout, PUSHED, "stage-DECLINING:1")).build();
    }

    @Test
    void fold_orderWithinWindow_convertsLastDecision_holdoutToo() {
        Instant paid = PUSHED.plus(Duration.ofDays(6));

        LastPush sent = folder.fold(pushed(false), null, List.of(order("o1", paid))).profile().lastPush();
        LastPush held = folder.fold(pushed(true), null, List.of(order("o1", paid))).profile().lastPush();

        assertEquals("o1", sent.convertedOrderId());
        assertEquals(paid, sent.convertedAt());
        assertEquals("o1", held.convertedOrderId());
    }

    @Test
    void fold_orderAfterWindowOrBeforePush_doesNotConvert() {
        assertFalse(folder.fold(pushed(false), null, List.of(order("o1", PUSHED.plus(Duration.ofDays(7)))))
                .profile().lastPush().isConverted());
        assertFalse(folder.fold(pushed(false), null, List.of(order("o1", PUSHED.minusSeconds(1))))
                .profile().lastPush().isConverted());
    }

    @Test
    void fold_secondOrder_keepsFirstConversion() {
        CustomerProfile once = folder.fold(pushed(false), null, List.of(order("o1", PUSHED.plusSeconds(60)))).profile();

        CustomerProfile twice = folder.fold(once, null, List.of(order("o2", PUSHED.plusSeconds(120)),
                order("o1", PUSHED.plusSeconds(60)))).profile();

        assertEquals("o1", twice.lastPush().convertedOrderId());
    }
}
