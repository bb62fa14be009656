package com.mplifecycle.domain.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.profile.CustomerProfile;

/** Each trigger is due for the right customer at the right time, and for nobody else. */
class TriggerTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant T0 = Instant.parse("2026-03-10T02:00:00Z"); // 10:00 in Shanghai

    /** A policy without quiet hours: the window is GRACE from the occurrence's start. */
    private static final PushPolicy NEVER_QUIET = new PushPolicy(Duration.ofHours(24), LocalTime.MIDNIGHT,
            LocalTime.MIDNIGHT);

    private static Optional<String> at(Trigger t, CustomerProfile p, Instant now) {
        return t.occurrence(p, now, SHANGHAI).filter(o -> o.isDue(now, NEVER_QUIET, SHANGHAI)).map(Occurrence::key);
    }

    @Test
    void stageEntered_dueFromStageSinceForGrace_onlyForThatStage() {
        Trigger t = new Trigger.StageEntered(Stage.DECLINING);
        CustomerProfile declining = Profiles.base("c1", T0.minus(Duration.ofDays(30))).stage(Stage.DECLINING, T0).build();
        CustomerProfile growing = Profiles.base("c2", T0.minus(Duration.ofDays(30))).stage(Stage.GROWING, T0).build();

        assertEquals(Optional.of("stage-DECLINING:" + T0.toEpochMilli()), at(t, declining, T0.plusSeconds(60)));
        assertTrue(at(t, declining, T0.minusSeconds(1)).isEmpty());
        assertTrue(at(t, declining, T0.plus(Occurrence.GRACE)).isEmpty());
        assertTrue(at(t, growing, T0.plusSeconds(60)).isEmpty());
    }

    @Test
    void reactivated_dueAfterComingBack_keyedByReactivationCount() {
        Trigger t = new Trigger.Reactivated();
        CustomerProfile back = Profiles.base("c1", T0.minus(Duration.ofDays(90))).stage(Stage.GROWING, T0)
                .reactivations(2).build();
        CustomerProfile neverLeft = Profiles.base("c2", T0.minus(Duration.ofDays(90))).stage(Stage.GROWING, T0).build();

        assertEquals(Optional.of("reactivated:2"), at(t, back, T0.plusSeconds(1)));
        assertTrue(at(t, neverLeft, T0.plusSeconds(1)).isEmpty());
    }

    @Test
    void inactive_dueAfterNDaysWhileGrowingOrMature_notForNewOrDeclining() {
        Trigger t = new Trigger.Inactive(3);
        Instant last = T0;
        CustomerProfile growing = Profiles.base("c1", last.minus(Duration.ofDays(10))).stage(Stage.GROWING, last)
                .lastActiveAt(last).build();
        CustomerProfile fresh = Profiles.base("c2", last).lastActiveAt(last).build();

        assertTrue(at(t, growing, last.plus(Duration.ofDays(3)).minusSeconds(1)).isEmpty());
        assertEquals(Optional.of("inactive:" + last.toEpochMilli()), at(t, growing, last.plus(Duration.ofDays(3))));
        assertTrue(at(t, fresh, last.plus(Duration.ofDays(3))).isEmpty());
        assertTrue(at(t, growing.toBuilder().stage(Stage.DECLINING, last).build(), last.plus(Duration.ofDays(3))).isEmpty());
    }

    @Test
    void cartAbandoned_dueNHoursAfterLastCartChange_notWithoutCart() {
        Trigger t = new Trigger.CartAbandoned(2);
        CustomerProfile carting = Profiles.base("c1", T0).cart(Profiles.cart(T0)).build();
        CustomerProfile browsing = Profiles.base("c2", T0).build();

        assertTrue(at(t, carting, T0.plus(Duration.ofMinutes(119))).isEmpty());
        assertEquals(Optional.of("cart:" + T0.toEpochMilli()), at(t, carting, T0.plus(Duration.ofHours(2))));
        assertTrue(at(t, browsing, T0.plus(Duration.ofHours(2))).isEmpty());
    }

    @Test
    void afterFirstOrder_dueNDaysAfterFirstPaidOrder() {
        Trigger review = new Trigger.AfterFirstOrder(3);
        Trigger coupon = new Trigger.AfterFirstOrder(7);
        CustomerProfile buyer = Profiles.base("c1", T0).orders(List.of(Profiles.paid("o1", T0))).build();
        Instant day3 = T0.plus(Duration.ofDays(3));

        assertEquals(Optional.of("first-order:" + T0.toEpochMilli()), at(review, buyer, day3));
        assertTrue(at(coupon, buyer, day3).isEmpty());
        assertTrue(at(coupon, buyer, T0.plus(Duration.ofDays(7))).isPresent());
        assertTrue(at(review, Profiles.base("c2", T0).build(), day3).isEmpty());
    }

    @Test
    void newcomerNoOrder_dueADayAfterFirstSeen_notForBuyers() {
        Trigger t = new Trigger.NewcomerNoOrder(1);
        CustomerProfile newcomer = Profiles.base("c1", T0).build();
        CustomerProfile buyer = Profiles.base("c2", T0).orders(List.of(Profiles.paid("o1", T0))).build();
        Instant dayLater = T0.plus(Duration.ofDays(1));

        assertTrue(at(t, newcomer, dayLater.minusSeconds(1)).isEmpty());
        assertEquals(Optional.of("newcomer:" + T0.toEpochMilli()), at(t, newcomer, dayLater));
        assertTrue(at(t, buyer, dayLater).isEmpty());
    }

    @Test
    void birthday_dueAllDayInAppTimeZone() {
        Trigger t = new Trigger.Birthday();
        CustomerProfile p = Profiles.base("c1", T0).demographics(Profiles.birthday("03-11")).build();
        // 2026-03-10T16:30Z is 00:30 on 11 March in Shanghai, still the 10th in UTC
        Instant justAfterMidnight = Instant.parse("2026-03-10T16:30:00Z");

        assertEquals(Optional.of("birthday:2026"), at(t, p, justAfterMidnight));
        assertTrue(at(t, p, Instant.parse("2026-03-10T15:59:00Z")).isEmpty());
        assertTrue(at(t, Profiles.base("c2", T0).demographics(Profiles.birthday("03-12")).build(), justAfterMidnight)
                .isEmpty());
    }

    @Test
    void streakAtRisk_dueFrom2000WhenYesterdayWasLastCheckIn() {
        Trigger t = new Trigger.StreakAtRisk(3, LocalTime.of(20, 0));
        LocalDate today = LocalDate.of(2026, 3, 10);
        CustomerProfile atRisk = Profiles.base("c1", T0).checkIn(Profiles.streak(today.minusDays(1), 5)).build();
        CustomerProfile short2 = Profiles.base("c2", T0).checkIn(Profiles.streak(today.minusDays(1), 2)).build();
        CustomerProfile doneToday = Profiles.base("c3", T0).checkIn(Profiles.streak(today, 6)).build();
        Instant eight = Instant.parse("2026-03-10T12:00:00Z"); // 20:00 Shanghai

        assertTrue(at(t, atRisk, eight.minusSeconds(60)).isEmpty());
        assertEquals(Optional.of("streak:2026-03-10"), at(t, atRisk, eight));
        assertTrue(at(t, short2, eight).isEmpty());
        assertTrue(at(t, doneToday, eight).isEmpty());
    }

    @Test
    void feedbackResolved_dueOncePerFeedbackForGrace() {
        Trigger t = new Trigger.FeedbackResolved();
        CustomerProfile none = Profiles.base("c1", T0.minus(Duration.ofDays(3))).stage(Stage.GROWING, T0).build();
        CustomerProfile resolved = none.toBuilder()
                .lastResolvedFeedback(new com.mplifecycle.domain.profile.ResolvedFeedback("123-ab", T0)).build();

        assertEquals(Optional.of("feedback:123-ab"), at(t, resolved, T0.plusSeconds(60)));
        assertTrue(at(t, resolved, T0.plus(Occurrence.GRACE)).isEmpty());
        assertTrue(at(t, none, T0.plusSeconds(60)).isEmpty());
        assertEquals("feedback_resolved", CampaignJson.trigger(t).get("type"));
    }
}
