package com.mplifecycle.domain.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FunnelCountsTest {
    private static final LocalDate MAR_5 = LocalDate.of(2026, 3, 5);

    @Test
    void plus_customersOfABatch_summedPerDayAndStep() {
        FunnelCounts a = FunnelCounts.NONE.plus(Map.of(MAR_5, List.of(FunnelStep.LAUNCH, FunnelStep.PAGE_VIEW)));
        FunnelCounts b = FunnelCounts.NONE.plus(Map.of(MAR_5, List.of(FunnelStep.LAUNCH),
                MAR_5.plusDays(1), List.of(FunnelStep.LAUNCH)));

        FunnelCounts sum = a.plus(b).plus(Map.of());

        assertEquals(Map.of(FunnelStep.LAUNCH, 2L, FunnelStep.PAGE_VIEW, 1L), sum.days().get(MAR_5));
        assertEquals(Map.of(FunnelStep.LAUNCH, 1L), sum.days().get(MAR_5.plusDays(1)));
    }
}
