package com.mplifecycle.domain.churn;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What the BG/NBD model knows about one customer over a calibration period, in any time unit
 * (the product uses weeks).
 *
 * @param x  repeat purchases: purchase days after the first one
 * @param tx time from the first to the last purchase (0 when {@code x = 0})
 * @param T  time from the first purchase to the end of the calibration period
 */
public record RepeatSummary(double x, double tx, double T) {

    public static final double DAYS_PER_WEEK = 7.0;

    public RepeatSummary {
        if (!(x >= 0) || !(tx >= 0) || !(T >= tx) || Double.isInfinite(T)) {
            throw new IllegalArgumentException(
                    "need 0 <= x, 0 <= tx <= T, all finite: x=" + x + " tx=" + tx + " T=" + T);
        }
    }

    /**
     * The summary in weeks from a customer's purchase dates. Purchases on the same day make one
     * transaction; purchases after {@code calibrationEnd} are ignored. Empty when the customer
     * made no purchase up to {@code calibrationEnd}.
     */
    public static Optional<RepeatSummary> fromPurchaseDates(
            Collection<LocalDate> purchaseDates, LocalDate calibrationEnd) {
        Objects.requireNonNull(calibrationEnd, "calibrationEnd");
        TreeSet<LocalDate> days = new TreeSet<>();
        for (LocalDate date : purchaseDates) {
            if (!date.isAfter(calibrationEnd)) {
                days.add(date);
            }
        }
        if (days.isEmpty()) {
            return Optional.empty();
        }
        LocalDate first = days.first();
        return Optional.of(new RepeatSummary(
                days.size() - 1,
                ChronoUnit.DAYS.between(first, days.last()) / DAYS_PER_WEEK,
                ChronoUnit.DAYS.between(first, calibrationEnd) / DAYS_PER_WEEK));
    }

    /** Whether the customer bought again after the first purchase. */
    public boolean isRepeatBuyer() {
        return x > 0;
    }
}
