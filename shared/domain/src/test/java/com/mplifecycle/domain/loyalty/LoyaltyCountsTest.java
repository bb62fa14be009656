package com.mplifecycle.domain.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class LoyaltyCountsTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate JAN = LocalDate.of(2027, 1, 1);
    private static final LocalDate FEB = LocalDate.of(2027, 2, 1);

    private static LedgerEntry entry(LedgerEntry.Kind kind, String at) {
        return new LedgerEntry(kind.name() + at, kind, 0, 0, Instant.parse(at), null, null);
    }

    @Test
    void anEarningCountsAsIssuedOnTheLocalDayOfItsEntry_andAddsItsExpiryDay() {
        PointsAccount before = PointsAccount.empty();
        PointsAccount after = before.earn(100, JAN);
        LoyaltyCounts c = LoyaltyCounts.of(before, after, List.of(entry(LedgerEntry.Kind.ORDER, "2026-03-09T17:00:00Z")),
                SHANGHAI);
        assertEquals(LocalDate.of(2026, 3, 10), c.day(), "01:00 in Shanghai is the next local day");
        assertEquals(100, c.issued());
        assertEquals(0, c.spent());
        assertEquals(new TreeMap<>(Map.of(JAN, 100L)), c.expiringChange());
    }

    @Test
    void aRedemptionSpendsTheOldestLots_andCountsOnce() {
        PointsAccount before = PointsAccount.empty().earn(30, JAN).earn(50, FEB);
        PointsAccount after = before.spend(40);
        LoyaltyCounts c = LoyaltyCounts.of(before, after, List.of(entry(LedgerEntry.Kind.REWARD, "2026-03-10T04:00:00Z")),
                SHANGHAI);
        assertEquals(40, c.spent());
        assertEquals(1, c.redeemed());
        assertEquals(new TreeMap<>(Map.of(JAN, -30L, FEB, -10L)), c.expiringChange());
    }

    @Test
    void expiryCountsAsExpired_andALevelChangeAloneMovesNothing() {
        PointsAccount before = PointsAccount.empty().earn(30, JAN);
        PointsAccount.Expiry expiry = before.expireThrough(JAN);
        LoyaltyCounts c = LoyaltyCounts.of(before, expiry.after(), List.of(entry(LedgerEntry.Kind.EXPIRY,
                "2027-01-01T00:00:00Z")), SHANGHAI);
        assertEquals(30, c.expired());
        assertEquals(new TreeMap<>(Map.of(JAN, -30L)), c.expiringChange());
        assertTrue(LoyaltyCounts.of(before, before.withLevel("银卡", Instant.EPOCH, true), List.of(), SHANGHAI).isEmpty());
    }
}
