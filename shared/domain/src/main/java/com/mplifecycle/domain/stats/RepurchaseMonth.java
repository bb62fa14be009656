package com.mplifecycle.domain.stats;

import java.time.YearMonth;
import java.util.Objects;

/** Buyers whose first counted order fell in one month, and how many of them have two or more orders. */
public record RepurchaseMonth(YearMonth month, long buyers, long repeatBuyers) {
    public RepurchaseMonth {
        Objects.requireNonNull(month, "month");
    }

    /** Share of repeat buyers, 0 without buyers. */
    public double rate() {
        return buyers == 0 ? 0 : (double) repeatBuyers / buyers;
    }
}
