package com.mplifecycle.domain.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.mplifecycle.domain.loyalty.LoyaltyOutcome.Changed;
import com.mplifecycle.domain.loyalty.LoyaltyOutcome.Refused;

class LoyaltyRulesTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** 2026-03-10 12:00 in Shanghai. */
    private static final Instant NOW = Instant.parse("2026-03-10T04:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private final LoyaltyRules rules = new LoyaltyRules(LoyaltySettings.DEFAULTS, ZONE);

    private static Changed changed(LoyaltyOutcome o) {
        return assertInstanceOf(Changed.class, o);
    }

    private static Refused refused(LoyaltyOutcome o) {
        return assertInstanceOf(Refused.class, o);
    }

    private PointsAccount withPoints(long points) {
        return PointsAccount.empty().earn(points, TODAY.plusDays(100));
    }

    @Test
    void orderPoints_onePerWholeYuan_roundedDown_timesMultiplier() {
        assertEquals(99, rules.orderPoints(9_999, 1.0));
        assertEquals(118, rules.orderPoints(9_900, 1.2));
        assertEquals(300, rules.orderPoints(10_000, 3.0));
        assertEquals(0, rules.orderPoints(99, 1.0));
    }

    @Test
    void checkInPoints_tenPlusFivePerConsecutiveDay_cappedAtThirty() {
        assertEquals(10, rules.checkInPoints(1));
        assertEquals(15, rules.checkInPoints(2));
        assertEquals(25, rules.checkInPoints(4));
        assertEquals(30, rules.checkInPoints(5));
        assertEquals(30, rules.checkInPoints(40));
    }

    @Test
    void orderPaid_earnsExpiringAYearLater_andRepeatIsNoChange() {
        Changed c = changed(rules.orderPaid(PointsAccount.empty(), "o1", NOW, 12_345, NOW));

        assertEquals(123, c.after().balance());
        assertEquals(Map.of(TODAY.plusDays(365), 123L), c.after().lots());
        assertEquals("order:o1", c.entries().get(0).cause());
        Changed again = changed(rules.orderPaid(c.after(), "o1", NOW, 12_345, NOW));
        assertTrue(again.entries().isEmpty());
        assertEquals(c.after(), again.after());
    }

    @Test
    void orderPaid_levelMultiplierApplies_andGrowthLiftsLevelAtOnce() {
        Changed first = changed(rules.orderPaid(PointsAccount.empty(), "o1", NOW, 60_000, NOW));
        assertEquals("银卡", first.after().level());
        assertEquals(new LoyaltyOutcome.LevelChange("普通", "银卡", true), first.levelChange());
        assertEquals(600, first.after().balance(), "the order that lifts the level earns at the level it was made at");

        Changed second = changed(rules.orderPaid(first.after(), "o2", NOW, 10_000, NOW));
        assertEquals(120, second.entries().get(0).points(), "×1.2 at 银卡");
        assertNull(second.levelChange());
    }

    @Test
    void orderPaid_tooOldToEarn_recordsOrderForGrowthWithoutPoints() {
        Instant paid = NOW.minusSeconds(366L * 86_400);
        Changed c = changed(rules.orderPaid(PointsAccount.empty(), "old", paid, 50_000, NOW));
        assertEquals(0, c.after().balance());
        assertEquals(0, c.entries().get(0).points());
    }

    @Test
    void refund_takesItsShareBack_evenWhenSpent_balanceGoesNegative_laterEarningRepays() {
        PointsAccount a = changed(rules.orderPaid(PointsAccount.empty(), "o1", NOW, 10_000, NOW)).after();
        a = a.spend(80);
        Changed half = changed(rules.refunded(a, "r1", "o1", 5_000, NOW));
        assertEquals(-50, half.entries().get(0).points());
        assertEquals(-30, half.after().balance());
        Changed rest = changed(rules.refunded(half.after(), "r2", "o1", 5_000, NOW));
        assertEquals(-50, rest.entries().get(0).points());
        assertEquals(-80, rest.after().balance());
        assertEquals(0, rules.growth(rest.after(), TODAY), "refunds deduct growth");

        PointsAccount repaid = rest.after().earn(100, TODAY.plusDays(365));
        assertEquals(20, repaid.balance());
        assertEquals(Map.of(TODAY.plusDays(365), 20L), repaid.lots());
    }

    @Test
    void refund_sharesRoundDownOnce_totalNeverMoreThanEarned() {
        PointsAccount a = changed(rules.orderPaid(PointsAccount.empty(), "o1", NOW, 1_000, NOW)).after();
        long taken = 0;
        for (int i = 0; i < 3; i++) {
            Changed c = changed(rules.refunded(a, "r" + i, "o1", 333, NOW));
            taken -= c.entries().get(0).points();
            a = c.after();
        }
        Changed last = changed(rules.refunded(a, "r3", "o1", 1, NOW));
        taken -= last.entries().get(0).points();
        assertEquals(10, taken);
        assertEquals(0, last.after().balance());
    }

    @Test
    void spend_and_expiry_consumeOldestFirst() {
        PointsAccount a = PointsAccount.empty().earn(10, TODAY.plusDays(1)).earn(20, TODAY.plusDays(5));
        a = a.spend(15);
        assertEquals(Map.of(TODAY.plusDays(5), 15L), a.lots());

        PointsAccount b = PointsAccount.empty().earn(10, TODAY).earn(20, TODAY.plusDays(1));
        Changed c = changed(rules.daily(b, NOW));
        assertEquals(List.of("expiry:" + TODAY), c.entries().stream().map(LedgerEntry::cause).toList());
        assertEquals(-10, c.entries().get(0).points());
        assertEquals(20, c.after().balance());
        assertEquals(10, c.after().expired());
        assertTrue(changed(rules.daily(c.after(), NOW)).entries().isEmpty(), "a rerun expires nothing twice");
    }

    @Test
    void daily_downgradesOneLevelAtATime_whenGrowthFalls() {
        PointsAccount a = changed(rules.orderPaid(PointsAccount.empty(), "o1", NOW, 300_000, NOW)).after();
        assertEquals("金卡", a.level());
        Instant yearLater = NOW.plusSeconds(366L * 86_400);
        Changed first = changed(rules.daily(a, yearLater));
        assertEquals("银卡", first.after().level());
        assertEquals(new LoyaltyOutcome.LevelChange("金卡", "银卡", false), first.levelChange());
        Changed rerun = changed(rules.daily(first.after(), yearLater.plusSeconds(3_600)));
        assertEquals("银卡", rerun.after().level(), "a rerun the same day moves no further");
        assertNull(rerun.levelChange());
        Changed second = changed(rules.daily(first.after(), yearLater.plusSeconds(86_400)));
        assertEquals("普通", second.after().level());
    }

    @Test
    void checkIn_todayOnce_streakGrows_pointsFollowStreak() {
        PointsAccount a = PointsAccount.empty();
        for (int d = 4; d >= 0; d--) {
            Changed c = changed(rules.checkIn(a, TODAY.minusDays(d), false, NOW.minusSeconds(d * 86_400L)));
            a = c.after();
        }
        assertEquals(5, LoyaltyRules.streak(a.checkIns(), TODAY));
        assertEquals(10 + 15 + 20 + 25 + 30, a.balance());
        Refused twice = refused(rules.checkIn(a, TODAY, false, NOW));
        assertEquals(409, twice.status());
    }

    @Test
    void checkIn_refusesFutureDay_andPastDayWithoutMakeUp() {
        assertEquals(400, refused(rules.checkIn(PointsAccount.empty(), TODAY.plusDays(1), false, NOW)).status());
        assertEquals(400, refused(rules.checkIn(PointsAccount.empty(), TODAY.plusDays(1), true, NOW)).status());
        assertEquals(400, refused(rules.checkIn(PointsAccount.empty(), TODAY.minusDays(1), false, NOW)).status());
    }

    @Test
    void makeUp_costsPoints_restoresStreak_onlyLast7Days_neverTwice_neverWithoutPoints() {
        PointsAccount a = withPoints(100);
        a = changed(rules.checkIn(a, TODAY.minusDays(3), false, NOW.minusSeconds(3 * 86_400L))).after();
        a = changed(rules.checkIn(a, TODAY.minusDays(1), false, NOW.minusSeconds(86_400L))).after();
        a = changed(rules.checkIn(a, TODAY, false, NOW)).after();
        assertEquals(2, LoyaltyRules.streak(a.checkIns(), TODAY));
        long before = a.balance();

        Changed made = changed(rules.checkIn(a, TODAY.minusDays(2), true, NOW));
        assertEquals(4, LoyaltyRules.streak(made.after().checkIns(), TODAY));
        assertEquals(before - 20, made.after().balance());
        assertEquals("makeup:" + TODAY.minusDays(2), made.entries().get(0).cause());

        assertEquals(409, refused(rules.checkIn(made.after(), TODAY.minusDays(2), true, NOW)).status());
        assertEquals(400, refused(rules.checkIn(made.after(), TODAY.minusDays(8), true, NOW)).status());
        assertEquals(400, refused(rules.checkIn(made.after(), TODAY, true, NOW)).status());
        Refused poor = refused(rules.checkIn(withPoints(19), TODAY.minusDays(1), true, NOW));
        assertEquals(409, poor.status());
    }

    @Test
    void redeem_spendsCost_refusesShortLevelAndStock() {
        Reward cup = new Reward("cup", "Cup", 50, 3, null, true);
        Changed c = changed(rules.redeem(withPoints(60), cup, "req1", NOW));
        assertEquals(10, c.after().balance());
        assertEquals("reward:req1", c.entries().get(0).cause());
        assertEquals(409, refused(rules.redeem(withPoints(49), cup, "r", NOW)).status());
        assertEquals(409, refused(rules.redeem(withPoints(60), new Reward("x", "X", 50, 0, null, true), "r", NOW))
                .status());
        assertEquals(409, refused(rules.redeem(withPoints(60), new Reward("x", "X", 50, 5, "金卡", true), "r", NOW))
                .status());
        assertEquals(409, refused(rules.redeem(withPoints(60), new Reward("x", "X", 50, 5, null, false), "r", NOW))
                .status());
        Refused gone = refused(rules.redeem(withPoints(60), new Reward("x", "X", 50, 5, "Gold", true), "r", NOW));
        assertTrue(gone.reason().contains("no longer has"), "a minLevel renamed away offers the reward to nobody");
    }

    @Test
    void adjust_negativeMayGoBelowZero() {
        Changed c = changed(rules.adjust(withPoints(10), -30, "fraud", "adj1", NOW));
        assertEquals(-20, c.after().balance());
        assertEquals("adjustment:adj1", c.entries().get(0).cause());
    }

    @Test
    void settings_refuseLevelsNotStartingAtZeroOrNotAscending() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new LoyaltySettings(1, 10,
                5, 30, 100, 365, 7, 20, 7, 365, List.of(new Level("a", 10, 1))));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new LoyaltySettings(1, 10,
                5, 30, 100, 365, 7, 20, 7, 365, List.of(new Level("a", 0, 1), new Level("b", 0, 2))));
    }

    private static LoyaltySettings window(int growthWindowDays) {
        return new LoyaltySettings(1, 10, 5, 30, 100, 365, 7, 20, 7, growthWindowDays, LoyaltySettings.DEFAULT_LEVELS);
    }

    private static Instant daysBefore(Instant at, int days) {
        return at.minusSeconds(days * 86_400L);
    }

    @Test
    void checkInAndBirthday_earnAtTheLevelsMultiplier_roundedDown_makeUpCostIsNot() {
        PointsAccount silver = changed(rules.orderPaid(PointsAccount.empty(), "o1", NOW, 50_000, NOW)).after();
        assertEquals("银卡", silver.level());
        long balance = silver.balance();

        PointsAccount a = changed(rules.checkIn(silver, TODAY.minusDays(1), false, daysBefore(NOW, 1))).after();
        assertEquals(12, a.balance() - balance, "10 × 1.2");
        Changed second = changed(rules.checkIn(a, TODAY, false, NOW));
        assertEquals(18, second.entries().get(0).points(), "15 × 1.2");
        Changed madeUp = changed(rules.checkIn(second.after(), TODAY.minusDays(3), true, NOW));
        assertEquals(-20, madeUp.entries().get(0).points(), "a make-up's cost is not multiplied");

        PointsAccount gold = changed(rules.orderPaid(PointsAccount.empty(), "o2", NOW, 200_000, NOW)).after();
        assertEquals("金卡", gold.level());
        assertEquals(150, changed(rules.birthday(gold, 2026, NOW)).entries().get(0).points(), "100 × 1.5");
        LoyaltyRules odd = new LoyaltyRules(new LoyaltySettings(1, 7, 5, 30, 33, 365, 7, 20, 7, 365, List.of(
                new Level("a", 0, 1.15))), ZONE);
        PointsAccount none = PointsAccount.empty();
        assertEquals(8, changed(odd.checkIn(none, TODAY, false, NOW)).entries().get(0).points(), "7 × 1.15 = 8.05");
        assertEquals(37, changed(odd.birthday(none, 2026, NOW)).entries().get(0).points(), "33 × 1.15 = 37.95");
    }

    @Test
    void growthWindow_configured_countsOnlyOrdersInsideIt_forUpgradesDowngradesAndGrowth() {
        LoyaltyRules month = new LoyaltyRules(window(30), ZONE);
        PointsAccount a = changed(month.orderPaid(PointsAccount.empty(), "old", daysBefore(NOW, 30), 60_000, NOW))
                .after();
        assertEquals(0, month.growth(a, TODAY), "paid 30 days ago: outside a 30-day window");
        Changed recent = changed(month.orderPaid(a, "new", NOW, 10_000, NOW));
        assertNull(recent.levelChange(), "the old order does not lift the level");
        assertEquals(100, month.growth(recent.after(), TODAY));
        assertEquals("银卡", changed(rules.orderPaid(a, "new", NOW, 10_000, NOW)).after().level(),
                "with the default year it would");

        PointsAccount silver = changed(month.orderPaid(PointsAccount.empty(), "o1", NOW, 50_000, NOW)).after();
        assertEquals("银卡", silver.level());
        assertEquals("银卡", changed(month.daily(silver, NOW.plusSeconds(29L * 86_400))).after().level());
        Changed down = changed(month.daily(silver, NOW.plusSeconds(30L * 86_400)));
        assertEquals(new LoyaltyOutcome.LevelChange("银卡", "普通", false), down.levelChange());
        assertEquals("银卡", changed(rules.daily(silver, NOW.plusSeconds(30L * 86_400))).after().level());
    }

    @Test
    void daily_renamedLevel_heldByGrowthSilently_loweredThreshold_upgrades() {
        PointsAccount gold = changed(rules.orderPaid(PointsAccount.empty(), "o1", NOW, 300_000, NOW)).after();
        LoyaltyRules renamed = new LoyaltyRules(new LoyaltySettings(1, 10, 5, 30, 100, 365, 7, 20, 7, 365, List.of(
                new Level("Member", 0, 1), new Level("Gold", 2_000, 1.5))), ZONE);
        Changed placed = changed(renamed.daily(gold, NOW));
        assertEquals("Gold", placed.after().level());
        assertNull(placed.levelChange(), "a rename is no level-up");

        LoyaltyRules lower = new LoyaltyRules(new LoyaltySettings(1, 10, 5, 30, 100, 365, 7, 20, 7, 365, List.of(
                new Level("普通", 0, 1), new Level("金卡", 1_000, 1.5), new Level("钻石", 3_000, 3))), ZONE);
        PointsAccount silverish = changed(lower.orderPaid(PointsAccount.empty(), "o1", NOW, 150_000, NOW)).after();
        assertEquals("金卡", silverish.level());
        LoyaltyRules lowered = new LoyaltyRules(new LoyaltySettings(1, 10, 5, 30, 100, 365, 7, 20, 7, 365, List.of(
                new Level("普通", 0, 1), new Level("金卡", 1_000, 1.5), new Level("钻石", 1_400, 3))), ZONE);
        Changed up = changed(lowered.daily(silverish, NOW));
        assertEquals(new LoyaltyOutcome.LevelChange("金卡", "钻石", true), up.levelChange());
        assertEquals(NOW, up.after().levelUpAt());
    }

    @Test
    void expiry_withANegativeBalance_expiresOnlyEarnedLots_debtRepaidFirst_oldestLotsFirst() {
        PointsAccount owing = PointsAccount.empty().earn(30, TODAY.plusDays(2)).takeBack(50);
        assertEquals(-20, owing.balance());
        assertTrue(changed(rules.daily(owing, NOW.plusSeconds(5L * 86_400))).entries().isEmpty(),
                "a debt never expires, and nothing is left to expire");

        PointsAccount repaid = owing.earn(25, TODAY.plusDays(3)).earn(40, TODAY.plusDays(10));
        assertEquals(Map.of(TODAY.plusDays(3), 5L, TODAY.plusDays(10), 40L), repaid.lots(), "the debt took the first 20");
        Changed expired = changed(rules.daily(repaid, NOW.plusSeconds(3L * 86_400)));
        assertEquals(List.of(-5L), expired.entries().stream().map(LedgerEntry::points).toList());
        assertEquals(40, expired.after().balance());
        assertEquals(5, expired.after().expired());
        PointsAccount spent = expired.after().earn(10, TODAY.plusDays(20)).spend(45);
        assertEquals(Map.of(TODAY.plusDays(20), 5L), spent.lots(), "spent oldest first");
    }

    @Test
    void daily_keepsOrdersWhileTheyCountForGrowthOrCanBeRefunded_notForTheWholeExpiry() {
        LoyaltyRules longExpiry = new LoyaltyRules(new LoyaltySettings(1, 10, 5, 30, 100, 3650, 7, 20, 7, 365,
                LoyaltySettings.DEFAULT_LEVELS), ZONE);
        PointsAccount a = changed(longExpiry.orderPaid(PointsAccount.empty(), "o1", NOW, 10_000, NOW)).after();
        assertEquals(1, changed(longExpiry.daily(a, NOW.plusSeconds(400L * 86_400))).after().orders().size());
        assertTrue(changed(longExpiry.daily(a, NOW.plusSeconds(401L * 86_400))).after().orders().isEmpty(),
                "past the order index's 400 days no refund can name it: the account stays small");

        LoyaltyRules twoYears = new LoyaltyRules(window(730), ZONE);
        PointsAccount b = changed(twoYears.orderPaid(PointsAccount.empty(), "o1", NOW, 10_000, NOW)).after();
        assertEquals(1, changed(twoYears.daily(b, NOW.plusSeconds(729L * 86_400))).after().orders().size());
        assertEquals(100, twoYears.growth(b, TODAY.plusDays(729)));
    }

    @Test
    void levels_multiplierBelowOne_refused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new Level("a", 0, 0.5));
    }
}
