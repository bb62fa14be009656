package com.mplifecycle.domain.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.mplifecycle.domain.loyalty.LoyaltyOutcome.Changed;
import com.mplifecycle.domain.profile.Referral;

class ReferralRulesTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** 2026-03-10 12:00 in Shanghai. */
    private static final Instant NOW = Instant.parse("2026-03-10T04:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final Referral BY_A = new Referral("c_a", "sh-a", NOW.minusSeconds(3_600));
    private final ReferralRules referrals = new ReferralRules(new LoyaltyRules(LoyaltySettings.DEFAULTS, ZONE));

    private static Changed changed(LoyaltyOutcome o) {
        return assertInstanceOf(Changed.class, o);
    }

    private static List<String> causes(Changed c) {
        return c.entries().stream().map(LedgerEntry::cause).toList();
    }

    private static LedgerEntry entry(Changed c, String cause) {
        return c.entries().stream().filter(e -> e.cause().equals(cause)).findFirst().orElseThrow();
    }

    @Test
    void defaults_100ForTheSharer_50Welcome_andSettingsStoredWithoutThemReadAsDefaults() {
        assertEquals(100, LoyaltySettings.DEFAULTS.referralPoints());
        assertEquals(50, LoyaltySettings.DEFAULTS.referralWelcomePoints());
        LoyaltySettings s = new LoyaltySettings(1, 10, 5, 30, 100, 365, 7, 20, 7, 365, LoyaltySettings.DEFAULT_LEVELS,
                null, null);
        assertEquals(LoyaltySettings.DEFAULTS, s);
        assertEquals(7, LoyaltySettings.DEFAULTS.withReferral(7, 3).referralPoints());
        assertEquals(3, LoyaltySettings.DEFAULTS.withReferral(7, 3).referralWelcomePoints());
    }

    @Test
    void rewardable_onlyAReferrerOtherThanTheCustomer_andNotWhenBothRewardsAreZero() {
        assertEquals(Optional.of(BY_A), referrals.rewardable("c_b", BY_A));
        assertEquals(Optional.empty(), referrals.rewardable("c_b", null), "known before the open: no referrer");
        assertEquals(Optional.empty(), referrals.rewardable("c_a", BY_A), "a self-referral");
        ReferralRules off = new ReferralRules(new LoyaltyRules(LoyaltySettings.DEFAULTS.withReferral(0, 0), ZONE));
        assertEquals(Optional.empty(), off.rewardable("c_b", BY_A));
        ReferralRules sharerOnly = new ReferralRules(new LoyaltyRules(LoyaltySettings.DEFAULTS.withReferral(10, 0), ZONE));
        assertEquals(Optional.of(BY_A), sharerOnly.rewardable("c_b", BY_A));
    }

    @Test
    void firstOrder_earnsItsPointsAndTheWelcomeInOneChange() {
        Changed c = changed(referrals.orderPaid(PointsAccount.empty(), BY_A, null, "o1", NOW, 12_345, NOW));

        assertEquals(List.of("order:o1", "referral:welcome"), causes(c));
        assertTrue(ReferralRules.grantsWelcome(c));
        LedgerEntry welcome = entry(c, "referral:welcome");
        assertEquals(50, welcome.points());
        assertEquals(123 + 50, welcome.balance());
        assertEquals("o1", welcome.ref(), "the welcome names the first order");
        assertEquals(LedgerEntry.Kind.REFERRAL, welcome.kind());
        assertEquals(173L, c.after().lots().get(TODAY.plusDays(365)), "expires as earned points do");
    }

    @Test
    void noWelcome_withoutReferral_forALaterOrder_orOnceGranted() {
        Changed plain = changed(referrals.orderPaid(PointsAccount.empty(), null, null, "o1", NOW, 10_000, NOW));
        assertEquals(List.of("order:o1"), causes(plain));

        Changed first = changed(referrals.orderPaid(PointsAccount.empty(), BY_A, null, "o1", NOW, 10_000, NOW));
        LedgerEntry welcome = entry(first, "referral:welcome");
        Changed second = changed(referrals.orderPaid(first.after(), BY_A, welcome, "o2", NOW, 10_000, NOW));
        assertEquals(List.of("order:o2"), causes(second));
        assertFalse(ReferralRules.grantsWelcome(second));

        // the first order's window passed (the account forgot it): the welcome already granted still counts
        Changed late = changed(referrals.orderPaid(PointsAccount.empty(), BY_A, welcome, "o3", NOW, 10_000, NOW));
        assertEquals(List.of("order:o3"), causes(late));

        // the first order delivered again: no change at all
        Changed again = changed(referrals.orderPaid(first.after(), BY_A, null, "o1", NOW, 10_000, NOW));
        assertTrue(again.entries().isEmpty());
    }

    @Test
    void sharerReward_onceCauseByTheCustomerBrought_rememberedForTheCampaignTrigger() {
        Changed c = changed(referrals.sharerRewarded(PointsAccount.empty(), "c_b", NOW));

        assertEquals(List.of("referral:c_b"), causes(c));
        assertEquals(100, c.after().balance());
        assertEquals("c_b", c.entries().get(0).ref());
        assertEquals(new ReferralReward("c_b", NOW), c.after().lastReferral());
        assertEquals("c_b", c.after().status(7).referralRewardFor());
        assertEquals(NOW, c.after().status(7).referralRewardAt());
    }

    @Test
    void fullRefundOfTheFirstOrder_takesTheWelcomeBack_evenWhenSpent_butAPartialRefundDoesNot() {
        Changed first = changed(referrals.orderPaid(PointsAccount.empty(), BY_A, null, "o1", NOW, 10_000, NOW));
        LedgerEntry welcome = entry(first, "referral:welcome");
        PointsAccount spent = first.after().spend(150);

        Changed half = changed(referrals.refunded(spent, welcome, "r1", "o1", 5_000, NOW));
        assertEquals(List.of("refund:r1"), causes(half), "a partial refund keeps the welcome");
        assertFalse(ReferralRules.takesWelcomeBack(half));
        assertEquals(-50, half.after().balance());

        Changed rest = changed(referrals.refunded(half.after(), welcome, "r2", "o1", 5_000, NOW));
        assertEquals(List.of("refund:r2", "referral:welcome:refunded"), causes(rest));
        assertTrue(ReferralRules.takesWelcomeBack(rest));
        assertEquals(-50, entry(rest, "referral:welcome:refunded").points());
        assertEquals(-150, rest.after().balance(), "everything the order and the welcome earned was spent: a debt");
    }

    @Test
    void refundOfAnotherOrder_orWithoutWelcome_orOfAnAlreadyFullyRefundedOrder_takesNothingMore() {
        Changed first = changed(referrals.orderPaid(PointsAccount.empty(), BY_A, null, "o1", NOW, 10_000, NOW));
        LedgerEntry welcome = entry(first, "referral:welcome");
        Changed second = changed(referrals.orderPaid(first.after(), BY_A, welcome, "o2", NOW, 10_000, NOW));

        assertEquals(List.of("refund:r1"), causes(changed(referrals.refunded(second.after(), welcome, "r1", "o2",
                10_000, NOW))), "another order's full refund");
        assertEquals(List.of("refund:r1"), causes(changed(referrals.refunded(second.after(), null, "r1", "o1",
                10_000, NOW))), "no welcome was granted");
        Changed full = changed(referrals.refunded(second.after(), welcome, "r1", "o1", 10_000, NOW));
        assertEquals(List.of("refund:r1", "referral:welcome:refunded"), causes(full));
        assertEquals(List.of("refund:r9"), causes(changed(referrals.refunded(full.after(), welcome, "r9", "o1", 1,
                NOW))), "already refunded in full: the welcome is taken back once");
    }

    @Test
    void sharerTakeBack_whatTheRewardGranted_evenIntoDebt_andTheUntoldRewardIsForgotten() {
        Changed rewarded = changed(referrals.sharerRewarded(PointsAccount.empty(), "c_b", NOW));
        LedgerEntry reward = rewarded.entries().get(0);
        PointsAccount spent = rewarded.after().spend(80);
        ReferralRules changedSettings = new ReferralRules(new LoyaltyRules(
                LoyaltySettings.DEFAULTS.withReferral(300, 50), ZONE));

        Changed back = changed(changedSettings.sharerRefunded(spent, reward, "c_b", NOW));
        assertEquals(List.of("referral:c_b:refunded"), causes(back));
        assertEquals(-100, back.entries().get(0).points(), "what was granted, not what the settings say now");
        assertEquals(-80, back.after().balance());
        assertNull(back.after().lastReferral());

        Changed other = changed(referrals.sharerRewarded(rewarded.after(), "c_c", NOW));
        Changed backB = changed(referrals.sharerRefunded(other.after(), reward, "c_b", NOW));
        assertEquals("c_c", backB.after().lastReferral().referredId(), "another customer's reward is still told");
    }
}
