package com.mplifecycle.domain.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FunnelReachTest {
    private static final LocalDate D1 = LocalDate.of(2026, 3, 5);
    private static final LocalDate D2 = D1.plusDays(1);

    @Test
    void sameCustomerOnTwoDays_countsOnceOverTheRange_andOnEachDay() {
        long a = FunnelReach.memberOf("a");
        long b = FunnelReach.memberOf("b");
        FunnelReach counts = new FunnelReach.Tally()
                .add(D1, FunnelStep.LAUNCH, new long[] {a, b})
                .add(D1, FunnelStep.PAGE_VIEW, new long[] {a})
                .add(D2, FunnelStep.LAUNCH, new long[] {a})
                .add(D2, FunnelStep.LAUNCH, new long[] {b}) // a day split over two shards
                .add(D2, FunnelStep.PAGE_VIEW, new long[] {b})
                .counts();

        assertEquals(2L, counts.distinct().get(FunnelStep.LAUNCH));
        assertEquals(2L, counts.distinct().get(FunnelStep.PAGE_VIEW));
        assertEquals(0L, counts.distinct().get(FunnelStep.ORDER_PAID));
        assertEquals(Map.of(FunnelStep.LAUNCH, 2L, FunnelStep.PAGE_VIEW, 1L, FunnelStep.ADD_TO_CART, 0L,
                FunnelStep.CHECKOUT_START, 0L, FunnelStep.ORDER_PAID, 0L), counts.byDay().get(D1));
        assertEquals(2L, counts.byDay().get(D2).get(FunnelStep.LAUNCH));
    }

    @Test
    void manyMembers_countedExactly() {
        FunnelReach.Tally tally = new FunnelReach.Tally();
        for (int day = 0; day < 30; day++) {
            long[] members = new long[1000];
            for (int i = 0; i < members.length; i++) {
                members[i] = FunnelReach.memberOf("c" + (day * 500 + i)); // half overlap with the day before
            }
            tally.add(D1.plusDays(day), FunnelStep.LAUNCH, members);
        }
        assertEquals(29 * 500 + 1000, tally.counts().distinct().get(FunnelStep.LAUNCH));
    }

    @Test
    void memberOf_isStableAndSpreads() {
        assertEquals(FunnelReach.memberOf("o6_bmjrPTlm6_2sgVt7hMZOPfL2M"), FunnelReach.memberOf("o6_bmjrPTlm6_2sgVt7hMZOPfL2M"));
        assertNotEquals(FunnelReach.memberOf("a"), FunnelReach.memberOf("b"));
        // the first 8 bytes of SHA-256("a") = ca978112ca1bbdca
        assertEquals(0xca978112ca1bbdcaL, FunnelReach.memberOf("a"));
    }
}
