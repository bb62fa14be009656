package com.mplifecycle.domain.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RepeatSummaryTest {

    private static final LocalDate END = LocalDate.of(2024, 3, 31);

    @Test
    void fromPurchaseDates_cdnowSample_reproducesEveryPublishedSummary() {
        Map<String, RepeatSummary> published = CdnowData.publishedSummaries();
        Map<String, List<LocalDate>> purchases = CdnowData.purchaseDates();

        assertEquals(published.size(), purchases.size());
        int row = 0;
        for (Map.Entry<String, List<LocalDate>> customer : purchases.entrySet()) {
            row++;
            RepeatSummary expected = published.get(String.valueOf(row));
            RepeatSummary rebuilt = RepeatSummary
                    .fromPurchaseDates(customer.getValue(), CdnowData.CALIBRATION_END).orElseThrow();
            String where = "customer " + customer.getKey() + " (row " + row + ")";
            assertEquals(expected.x(), rebuilt.x(), 0.0, where);
            assertEquals(expected.tx(), round2(rebuilt.tx()), 1e-9, where);
            assertEquals(expected.T(), round2(rebuilt.T()), 1e-9, where);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // case,                     dates (;-separated),                 x, t_x days, T days
        "single purchase,            2024-03-01,                            0, 0,  30",
        "same day merged,            2024-03-01;2024-03-01,                 0, 0,  30",
        "two days,                   2024-03-01;2024-03-15,                 1, 14, 30",
        "same day merged among,      2024-03-01;2024-03-15;2024-03-15,      1, 14, 30",
        "after end ignored,          2024-03-01;2024-04-01,                 0, 0,  30",
        "on end kept,                2024-03-01;2024-03-31,                 1, 30, 30",
        "unsorted input,             2024-03-22;2024-03-01;2024-03-08,      2, 21, 30",
    })
    void fromPurchaseDates_table_givesWeeks(String name, String dates, double x, int txDays, int tDays) {
        List<LocalDate> purchases = java.util.Arrays.stream(dates.split(";")).map(LocalDate::parse).toList();

        RepeatSummary summary = RepeatSummary.fromPurchaseDates(purchases, END).orElseThrow();

        assertEquals(new RepeatSummary(x, txDays / 7.0, tDays / 7.0), summary);
    }

    @Test
    void fromPurchaseDates_onlyAfterEnd_isEmpty() {
        assertTrue(RepeatSummary.fromPurchaseDates(List.of(END.plusDays(1)), END).isEmpty());
    }

    @Test
    void constructor_recencyBeyondAge_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> new RepeatSummary(1, 5, 4));
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
