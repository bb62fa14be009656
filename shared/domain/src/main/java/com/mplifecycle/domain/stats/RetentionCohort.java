package com.mplifecycle.domain.stats;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The customers first seen on one local day and how many of them were active on exactly the 1st,
 * 7th and 30th day after it. A day that has not come yet counts nobody.
 */
public record RetentionCohort(LocalDate day, long size, long d1, long d7, long d30) {
    public RetentionCohort {
        Objects.requireNonNull(day, "day");
    }

    RetentionCohort plus(boolean r1, boolean r7, boolean r30) {
        return new RetentionCohort(day, size + 1, d1 + (r1 ? 1 : 0), d7 + (r7 ? 1 : 0), d30 + (r30 ? 1 : 0));
    }
}
