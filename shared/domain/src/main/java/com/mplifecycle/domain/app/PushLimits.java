package com.mplifecycle.domain.app;

import java.time.LocalTime;
import java.util.Objects;

/**
 * Per-app limits every campaign send obeys (docs/product.md, Sending rules): at most {@code maxPerDay} pushes per customer
 * per 24 hours across campaigns, and no sends between {@code quietFrom} and {@code quietUntil} app
 * time (a window may wrap midnight; equal ends mean no quiet hours).
 */
public record PushLimits(int maxPerDay, LocalTime quietFrom, LocalTime quietUntil) {
    public static final PushLimits DEFAULTS = new PushLimits(1, LocalTime.of(22, 0), LocalTime.of(8, 0));
    /** More than this per customer and day is spam by any measure. */
    public static final int MAX_PER_DAY_LIMIT = 10;

    public PushLimits {
        Objects.requireNonNull(quietFrom, "quietFrom");
        Objects.requireNonNull(quietUntil, "quietUntil");
        if (maxPerDay < 1 || maxPerDay > MAX_PER_DAY_LIMIT) {
            throw new IllegalArgumentException("maxPerDay must be 1 to " + MAX_PER_DAY_LIMIT);
        }
    }

    /** Whether a local time falls in the quiet window ({@code quietFrom} inclusive, {@code quietUntil} exclusive). */
    public boolean isQuiet(LocalTime time) {
        if (quietFrom.equals(quietUntil)) {
            return false;
        }
        return quietFrom.isBefore(quietUntil)
                ? !time.isBefore(quietFrom) && time.isBefore(quietUntil)
                : !time.isBefore(quietFrom) || time.isBefore(quietUntil);
    }
}
