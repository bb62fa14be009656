package com.mplifecycle.domain.profile;

import java.time.LocalDate;
import java.util.Objects;

/** The current run of consecutive daily check-ins, ending on {@code lastDate}. */
public record CheckInStreak(LocalDate lastDate, int length) {
    public CheckInStreak {
        Objects.requireNonNull(lastDate, "lastDate");
        if (length < 1) {
            throw new IllegalArgumentException("length must be at least 1");
        }
    }

    /** Folding a check-in: same day changes nothing, the next day extends, a later day restarts. */
    public CheckInStreak with(LocalDate date) {
        if (!date.isAfter(lastDate)) {
            return this;
        }
        return date.equals(lastDate.plusDays(1)) ? new CheckInStreak(date, length + 1) : new CheckInStreak(date, 1);
    }
}
