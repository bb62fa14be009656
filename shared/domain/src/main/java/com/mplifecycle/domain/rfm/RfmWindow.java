package com.mplifecycle.domain.rfm;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * The period RFM looks at: the {@code days} calendar days ending on {@code asOf}, both ends
 * counted, i.e. order dates {@code d} with {@code asOf - days < d <= asOf}. Orders after
 * {@code asOf} are ignored so that a run can be replayed at a fixed date. Recency therefore
 * ranges over {@code 0 .. days - 1}.
 */
public record RfmWindow(LocalDate asOf, int days) {

    /** The product default: the last 365 days. */
    public static final int DEFAULT_DAYS = 365;

    public RfmWindow {
        Objects.requireNonNull(asOf, "asOf");
        if (days < 1) {
            throw new IllegalArgumentException("days must be >= 1: " + days);
        }
    }

    public static RfmWindow of(LocalDate asOf, int days) {
        return new RfmWindow(asOf, days);
    }

    public static RfmWindow endingOn(LocalDate asOf) {
        return new RfmWindow(asOf, DEFAULT_DAYS);
    }

    public boolean contains(LocalDate date) {
        return !date.isAfter(asOf) && date.isAfter(asOf.minusDays(days));
    }

    /**
     * The customer's raw values from all their orders (any order, any dates), or empty when
     * no paid order that is not fully refunded falls in the window.
     */
    public Optional<RfmValues> values(Iterable<Order> orders) {
        LocalDate last = null;
        int frequency = 0;
        long monetaryFen = 0;
        for (Order order : orders) {
            if (!order.counts() || !contains(order.date())) {
                continue;
            }
            frequency++;
            monetaryFen = Math.addExact(monetaryFen, order.netAmountFen());
            if (last == null || order.date().isAfter(last)) {
                last = order.date();
            }
        }
        if (last == null) {
            return Optional.empty();
        }
        int recencyDays = (int) ChronoUnit.DAYS.between(last, asOf);
        return Optional.of(new RfmValues(recencyDays, frequency, monetaryFen));
    }
}
