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

    private static CustomerProfile with(LoyaltyStatus status) {
        return CustomerProfile.empty("shop", "c1").toBuilder().loyalty(status).build();
    }

    @Test
    void pointsExpiring_dueFromNDaysBefore_untilTheDayBefore_oncePerExpiryDay() {
        Trigger t = new Trigger.PointsExpiring(7);
        CustomerProfile p = with(new LoyaltyStatus(null, null, LocalDate.of(2026, 3, 17), 120));

        assertEquals(Optional.of("points-expiring:2026-03-17"), t.occurrence(p, NOW, ZONE));
        assertEquals(Optional.empty(), t.occurrence(p, NOW.minusSeconds(86_400), ZONE), "8 days before");
        assertEquals(Optional.of("points-expiring:2026-03-17"), t.occurrence(p, NOW.plusSeconds(6 * 86_400L), ZONE));
        assertEquals(Optional.empty(), t.occurrence(p, NOW.plusSeconds(7 * 86_400L), ZONE), "expired by then");
        assertEquals(Optional.empty(), t.occurrence(CustomerProfile.empty("shop", "c1"), NOW, ZONE));
    }

    @Test
    void levelUp_dueForADayAfterIt() {
        Trigger t = new Trigger.LevelUp();
        CustomerProfile p = with(new LoyaltyStatus("银卡", NOW.minusSeconds(3_600), null, 0));

        assertEquals(Optional.of("level-up:" + NOW.minusSeconds(3_600).toEpochMilli()), t.occurrence(p, NOW, ZONE));
        assertEquals(Optional.empty(), t.occurrence(p, NOW.plusSeconds(86_400), ZONE));
        assertEquals(Optional.empty(), t.occurrence(with(LoyaltyStatus.NONE), NOW, ZONE));
    }
}
