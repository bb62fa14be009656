package com.mplifecycle.domain.loyalty;

import java.time.LocalDate;
import java.util.Objects;

/** Consecutive check-in days from {@code from} to {@code to}, both included. */
public record DayRun(LocalDate from, LocalDate to) {
    public DayRun {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a run ends on or after its first day");
        }
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    public int length() {
        return (int) (to.toEpochDay() - from.toEpochDay() + 1);
    }
}
