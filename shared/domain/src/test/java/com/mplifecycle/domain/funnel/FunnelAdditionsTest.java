package com.mplifecycle.domain.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FunnelAdditionsTest {
    private static final LocalDate D1 = LocalDate.of(2026, 3, 5);

    @Test
    void customersOfABatch_addUpPerDayAndStep_eachOnce() {
        FunnelAdditions a = FunnelAdditions.NONE
                .plus("x", Map.of(D1, List.of(FunnelStep.LAUNCH, FunnelStep.PAGE_VIEW)))
                .plus("y", Map.of(D1, List.of(FunnelStep.LAUNCH), D1.plusDays(1), List.of(FunnelStep.LAUNCH)));
        FunnelAdditions b = FunnelAdditions.NONE.plus("x", Map.of(D1, List.of(FunnelStep.LAUNCH)));

        FunnelAdditions sum = a.plus(b);

        long x = FunnelReach.memberOf("x");
        long y = FunnelReach.memberOf("y");
        assertEquals(Set.of(x, y), sum.days().get(D1).get(FunnelStep.LAUNCH));
        assertEquals(Set.of(x), sum.days().get(D1).get(FunnelStep.PAGE_VIEW));
        assertEquals(Set.of(y), sum.days().get(D1.plusDays(1)).get(FunnelStep.LAUNCH));
        assertEquals(Map.of(), FunnelAdditions.NONE.days(), "NONE is left as it was");
    }
}
