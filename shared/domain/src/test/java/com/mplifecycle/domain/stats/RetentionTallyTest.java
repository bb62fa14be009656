package com.mplifecycle.domain.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.mplifecycle.domain.profile.CustomerProfile;

class RetentionTallyTest {
    private static final LocalDate MAR_1 = LocalDate.of(2026, 3, 1);

    private static CustomerProfile seen(String id, LocalDate first, int... daysAfter) {
        List<Integer> days = new java.util.ArrayList<>();
        days.add((int) first.toEpochDay());
        Arrays.stream(daysAfter).forEach(d -> days.add((int) first.toEpochDay() + d));
        return CustomerProfile.empty("shop", id).toBuilder()
                .firstSeenAt(first.atTime(10, 0).toInstant(ZoneOffset.UTC)).activeDays(days).build();
    }

    /** The 30 day counts, zero but for the (day, count) pairs given. */
    static List<Long> triangle(int... dayAndCount) {
        Long[] days = new Long[RetentionCohort.DAYS];
        Arrays.fill(days, 0L);
        for (int i = 0; i < dayAndCount.length; i += 2) {
            days[dayAndCount[i] - 1] = (long) dayAndCount[i + 1];
        }
        return List.of(days);
    }

    @Test
    void add_countsActivityOnExactlyTheNthDay() {
        RetentionTally tally = new RetentionTally(ZoneOffset.UTC, LocalDate.of(2026, 4, 15), 400);

        tally.add(seen("a", MAR_1, 1, 7));      // back on Mar 2 and Mar 8: D1 and D7
        tally.add(seen("b", MAR_1, 30));        // back on Mar 31: D30 only
        tally.add(seen("c", MAR_1, 2, 6, 8));   // days 2, 6 and 8: none of D1/D7/D30
        tally.add(seen("d", MAR_1.plusDays(1), 1)); // first seen Mar 2, back Mar 3: D1 of the Mar 2 cohort
        tally.add(CustomerProfile.empty("shop", "never-seen"));

        assertEquals(List.of(new RetentionCohort(MAR_1, 3, 1, 1, 1, triangle(1, 1, 2, 1, 6, 1, 7, 1, 8, 1, 30, 1)),
                new RetentionCohort(MAR_1.plusDays(1), 1, 1, 0, 0, triangle(1, 1))), tally.cohorts());
    }

    @Test
    void add_cohortOlderThanKept_isLeftOut() {
        RetentionTally tally = new RetentionTally(ZoneOffset.UTC, MAR_1, 10);

        tally.add(seen("old", MAR_1.minusDays(11), 1));

        assertEquals(List.of(), tally.cohorts());
    }

    @Test
    void add_firstSeenDayIsTheAppsLocalDay() {
        RetentionTally tally = new RetentionTally(ZoneOffset.ofHours(8), LocalDate.of(2026, 4, 15), 400);
        CustomerProfile lateEvening = CustomerProfile.empty("shop", "x").toBuilder()
                .firstSeenAt(Instant.parse("2026-02-28T17:00:00Z")) // 01:00 on Mar 1 in UTC+8
                .activeDays(List.of((int) MAR_1.toEpochDay())).build();

        tally.add(lateEvening);

        assertEquals(MAR_1, tally.cohorts().get(0).day());
    }
}
