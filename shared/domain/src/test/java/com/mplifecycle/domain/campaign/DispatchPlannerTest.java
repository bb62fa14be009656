package com.mplifecycle.domain.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.CustomerScores;
import com.mplifecycle.domain.profile.PurchaseHistory;
import com.mplifecycle.domain.rfm.RfmSegment;
import com.mplifecycle.domain.rfm.RfmStatistics;
import com.mplifecycle.domain.rfm.RfmWindow;
import com.mplifecycle.domain.profile.LastPush;

/** Credits, the cap, priority and quiet hours, decided for one customer. */
class DispatchPlannerTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant CART_AT = Instant.parse("2026-03-10T01:00:00Z"); // 09:00 Shanghai
    private static final Instant NOW = CART_AT.plus(Duration.ofHours(3));
    private final DispatchPlanner planner = new DispatchPlanner(PushPolicy.DEFAULTS, SHANGHAI);

    private static Campaign campaign(String id, int priority, Trigger trigger, String template) {
        return new Campaign(id, id, true, priority, trigger, null, template, "pages/index", Map.of("thing1", "提醒"),
                List.of(), 0);
    }

    private static final Campaign CART = campaign("cart", 90, new Trigger.CartAbandoned(2), "T_CART");
    private static final Campaign GIFT = campaign("gift", 60, new Trigger.NewcomerNoOrder(0 + 1), "T_GIFT");

    private static CustomerProfile customer(Map<String, List<String>> credits) {
        return Profiles.base("c1", CART_AT.minus(Duration.ofDays(1))).cart(Profiles.cart(CART_AT))
                .creditGrants(credits).build();
    }

    @Test
    void dueKeys_audienceBySegment_followsTheScoresOfTheAppsLastRun() {
        CustomerProfile big = customer(Map.of()).toBuilder().orders(List.of(
                new com.mplifecycle.domain.profile.Order("o1", CART_AT.minus(Duration.ofDays(3)), 90_000, Map.of(), null),
                new com.mplifecycle.domain.profile.Order("o2", CART_AT.minus(Duration.ofDays(2)), 90_000, Map.of(), null)))
                .build();
        CustomerProfile small = customer(Map.of()).toBuilder().orders(List.of(
                new com.mplifecycle.domain.profile.Order("o3", CART_AT.minus(Duration.ofDays(200)), 1_000, Map.of(), null)))
                .build();
        RfmWindow window = RfmWindow.endingOn(LocalDate.ofInstant(CART_AT, SHANGHAI));
        RfmStatistics statistics = RfmStatistics.create(window);
        for (CustomerProfile p : List.of(big, small)) {
            window.values(PurchaseHistory.rfmOrders(p, SHANGHAI)).ifPresent(statistics::add);
        }
        DispatchPlanner bySegment = new DispatchPlanner(PushPolicy.DEFAULTS, SHANGHAI,
                CustomerScores.of(SHANGHAI, window, statistics.freeze(), Optional.empty(), CART_AT));
        Campaign valuable = new Campaign("vip", "vip", true, 50, new Trigger.CartAbandoned(2),
                new Audience(Set.of(), Set.of(RfmSegment.IMPORTANT_VALUE)), "T_CART", "pages/index",
                Map.of("thing1", "提醒"), List.of(), 0);

        assertEquals(1, bySegment.dueKeys(big, List.of(valuable), NOW).size());
        assertTrue(bySegment.dueKeys(small, List.of(valuable), NOW).isEmpty());
        assertTrue(planner.dueKeys(big, List.of(valuable), NOW).isEmpty(), "no run, no segment");
    }

    @Test
    void plan_highestPriorityWithCreditSends_restLowerPriority() {
        CustomerProfile p = customer(Map.of("T_CART", List.of("g1"), "T_GIFT", List.of("g2")));

        DispatchPlanner.Plan plan = planner.plan(p, List.of(GIFT, CART), Set.of(), NOW);

        PushDecision.Send send = assertInstanceOf(PushDecision.Send.class, plan.push().orElseThrow());
        assertEquals("cart", send.campaign().id());
        assertEquals("g1", send.grantId());
        assertEquals(PushDecision.SkipReason.LOWER_PRIORITY, ((PushDecision.Skip) plan.decisions().get(0)).reason());
        assertEquals(List.of("g2"), plan.profileAfter().creditGrants().get("T_GIFT"));
        assertTrue(plan.profileAfter().spentGrants().containsKey("g1"));
        assertEquals("cart", plan.profileAfter().lastPush().campaignId());
    }

    @Test
    void plan_noCredit_noSend_nextCampaignWins() {
        CustomerProfile p = customer(Map.of("T_GIFT", List.of("g2")));

        DispatchPlanner.Plan plan = planner.plan(p, List.of(GIFT, CART), Set.of(), NOW);

        assertEquals(PushDecision.SkipReason.NO_CREDIT, ((PushDecision.Skip) plan.decisions().get(0)).reason());
        assertEquals("gift", plan.push().orElseThrow().campaign().id());
    }

    @Test
    void plan_pushWithinCap_skipsAllWithCap() {
        CustomerProfile p = customer(Map.of("T_CART", List.of("g1"))).toBuilder()
                .lastPush(LastPush.of("other", null, false, NOW.minus(Duration.ofHours(23)), "x")).build();

        DispatchPlanner.Plan plan = planner.plan(p, List.of(CART), Set.of(), NOW);

        assertTrue(plan.push().isEmpty());
        assertEquals(PushDecision.SkipReason.CAP, ((PushDecision.Skip) plan.decisions().get(0)).reason());
        assertTrue(planner.plan(p, List.of(CART), Set.of(), NOW.plus(Duration.ofHours(1))).push().isPresent(),
                "after 24 h the cap no longer holds");
    }

    @Test
    void plan_quietHours_decidesNothingUntil0800() {
        CustomerProfile p = customer(Map.of("T_CART", List.of("g1")));
        Instant lateEvening = Instant.parse("2026-03-10T14:30:00Z"); // 22:30 Shanghai

        DispatchPlanner.Plan plan = planner.plan(p, List.of(CART), Set.of(), lateEvening);

        assertTrue(plan.decisions().isEmpty());
        assertEquals(Instant.parse("2026-03-11T00:00:00Z"), plan.deferredUntil());
        assertTrue(planner.plan(p, List.of(CART), Set.of(), plan.deferredUntil()).push().isPresent(),
                "still due at 08:00");
    }

    @Test
    void plan_alreadyDecidedOccurrence_notDueAgain() {
        CustomerProfile p = customer(Map.of("T_CART", List.of("g1")));

        DispatchPlanner.Plan plan = planner.plan(p, List.of(CART), Set.of(
                DispatchPlanner.key("cart", "cart:" + CART_AT.toEpochMilli())), NOW);

        assertTrue(plan.decisions().isEmpty());
        assertNull(plan.deferredUntil());
    }

    @Test
    void plan_fullHoldout_recordsDecisionWithoutSpendingCredit() {
        Campaign held = new Campaign("cart", "cart", true, 90, new Trigger.CartAbandoned(2), null, "T_CART", null,
                Map.of("thing1", "提醒"), List.of(), 100);
        CustomerProfile p = customer(Map.of("T_CART", List.of("g1")));

        DispatchPlanner.Plan plan = planner.plan(p, List.of(held), Set.of(), NOW);

        assertInstanceOf(PushDecision.Holdout.class, plan.push().orElseThrow());
        assertEquals(List.of("g1"), plan.profileAfter().creditGrants().get("T_CART"));
        assertTrue(plan.profileAfter().lastPush().holdout());
    }

    @Test
    void plan_rendersPlaceholders() {
        Campaign c = new Campaign("cart", "cart", true, 90, new Trigger.CartAbandoned(2), null, "T_CART", null,
                Map.of("amount1", "{{cartValue}}"), List.of(), 0);

        DispatchPlanner.Plan plan = planner.plan(customer(Map.of("T_CART", List.of("g1"))), List.of(c), Set.of(), NOW);

        assertEquals("¥25.80", ((PushDecision.Send) plan.push().orElseThrow()).message().data().get("amount1"));
    }
}
