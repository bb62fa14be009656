package com.mplifecycle.domain.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.LoyaltyStatus;

class LoyaltyTriggersTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** 2026-03-10 12:00 in Shanghai. */
    private static final Instant NOW = Instant.parse("2026-03-10T04:00:00Z");

    private static final PushPolicy NEVER_QUIET = new PushPolicy(java.time.Duration.ofHours(24),
            java.time.LocalTime.MIDNIGHT, java.time.LocalTime.MIDNIGHT);

    /** The occurrence's key when it is due at {@code now} (no quiet hours), as a dispatch run sees it. */
    private static Optional<String> due(Trigger t, CustomerProfile p, Instant now) {
        return t.occurrence(p, now, ZONE).filter(o -> o.isDue(now, NEVER_QUIET, ZONE)).map(Occurrence::key);
    }

    private static CustomerProfile with(LoyaltyStatus status) {
        return CustomerProfile.empty("shop", "c1").toBuilder().loyalty(status).build();
    }

    @Test
    void pointsExpiring_dueFromNDaysBefore_untilTheDayBefore_oncePerExpiryDay() {
        Trigger t = new Trigger.PointsExpiring(7);
        CustomerProfile p = with(new LoyaltyStatus(null, null, LocalDate.of(2026, 3, 17), 120, null, null, 3));

        assertEquals(Optional.of("points-expiring:2026-03-17"), due(t, p, NOW));
        assertEquals(Optional.empty(), due(t, p, NOW.minusSeconds(86_400)), "8 days before");
        assertEquals(Optional.of("points-expiring:2026-03-17"), due(t, p, NOW.plusSeconds(6 * 86_400L)));
        assertEquals(Optional.empty(), due(t, p, NOW.plusSeconds(7 * 86_400L)), "expired by then");
        assertEquals(Optional.empty(), due(t, CustomerProfile.empty("shop", "c1"), NOW));
    }

    @Test
    void pointsExpiring_withoutDaysOfItsOwn_warnsAsTheAppsSettingSays() {
        Trigger t = TriggerReader.read(Optional.of(new com.mplifecycle.domain.input.JsonFields(
                java.util.Map.of("type", "points_expiring"), "trigger.", new java.util.ArrayList<>())),
                new java.util.ArrayList<>());
        CustomerProfile threeDays = with(new LoyaltyStatus(null, null, LocalDate.of(2026, 3, 17), 120, null, null, 3));

        assertEquals(Optional.empty(), due(t, threeDays, NOW), "7 days before: the app warns 3 days before");
        assertEquals(Optional.of("points-expiring:2026-03-17"), due(t, threeDays, NOW.plusSeconds(4 * 86_400L)));
        CustomerProfile before = with(new LoyaltyStatus(null, null, LocalDate.of(2026, 3, 17), 120, null, null, 0));
        assertEquals(Optional.of("points-expiring:2026-03-17"), due(t, before, NOW),
                "a status written before it kept the notice: the default 7 days");
        assertEquals(java.util.Map.of("type", "points_expiring"), CampaignJson.trigger(t));
    }

    @Test
    void levelUp_dueForADayAfterIt() {
        Trigger t = new Trigger.LevelUp();
        CustomerProfile p = with(new LoyaltyStatus("银卡", NOW.minusSeconds(3_600), null, 0, null, null, 7));

        assertEquals(Optional.of("level-up:" + NOW.minusSeconds(3_600).toEpochMilli()), due(t, p, NOW));
        assertEquals(Optional.empty(), due(t, p, NOW.plusSeconds(86_400)));
        assertEquals(Optional.empty(), due(t, with(LoyaltyStatus.NONE), NOW));
    }

    @Test
    void referralRewarded_oncePerCustomerBrought_dueForADayAfterTheReward() {
        Trigger t = new Trigger.ReferralRewarded();
        CustomerProfile p = with(new LoyaltyStatus("普通", null, null, 0, "c_b", NOW.minusSeconds(60), 7));

        assertEquals(Optional.of("referral:c_b"), due(t, p, NOW));
        assertEquals(Optional.empty(), due(t, p, NOW.plusSeconds(86_400)));
        CustomerProfile next = with(new LoyaltyStatus("普通", null, null, 0, "c_c", NOW, 7));
        assertEquals(Optional.of("referral:c_c"), due(t, next, NOW), "another customer brought: another occurrence");
        assertEquals(Optional.empty(), due(t, with(LoyaltyStatus.NONE), NOW));
        assertEquals("referral_rewarded", CampaignJson.trigger(t).get("type"));
    }
}
