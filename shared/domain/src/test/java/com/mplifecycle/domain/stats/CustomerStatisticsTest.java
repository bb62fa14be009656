package com.mplifecycle.domain.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

class CustomerStatisticsTest {
    private static final Instant AT = Instant.parse("2026-03-01T19:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-02-01");
    private static final YearMonth MONTH = YearMonth.parse("2026-01");

    @Test
    void plus_disjointCustomers_addsCohortsAndMonths() {
        CustomerStatistics a = new CustomerStatistics("shop", AT, List.of(new RetentionCohort(DAY, 3, 2, 1, 0, List.of(2L, 1L))),
                List.of(new RepurchaseMonth(MONTH, 4, 1)));
        CustomerStatistics b = new CustomerStatistics("shop", AT, List.of(new RetentionCohort(DAY, 2, 1, 1, 1, List.of(1L, 0L, 4L)),
                new RetentionCohort(DAY.plusDays(1), 1, 0, 0, 0, List.of())), List.of(new RepurchaseMonth(MONTH.plusMonths(1), 2, 2)));

        CustomerStatistics sum = a.plus(b);

        assertEquals(List.of(new RetentionCohort(DAY, 5, 3, 2, 1, List.of(3L, 1L, 4L)), new RetentionCohort(DAY.plusDays(1), 1, 0, 0, 0, List.of())),
                sum.retention());
        assertEquals(List.of(new RepurchaseMonth(MONTH, 4, 1), new RepurchaseMonth(MONTH.plusMonths(1), 2, 2)),
                sum.repurchase());
    }

    @Test
    void plus_otherApp_isRefused() {
        CustomerStatistics a = new CustomerStatistics("shop", AT, List.of(), List.of());
        CustomerStatistics b = new CustomerStatistics("other", AT, List.of(), List.of());

        assertThrows(IllegalArgumentException.class, () -> a.plus(b));
    }
}
