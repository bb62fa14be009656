package com.mplifecycle.domain.stats;

import java.util.Map;
import java.util.Objects;

/**
 * One campaign variant's (or the holdout's) dispatch outcomes: customers decided into it, pushes
 * sent, failed sends by WeChat errcode, skipped decisions by reason, and conversions
 * ({@code order_paid} within 7 days of the send or of the holdout decision).
 */
public record VariantOutcome(String variant, boolean holdout, long decided, long sent,
                             Map<String, Long> failedByErrcode, Map<String, Long> skippedByReason, long conversions) {
    public VariantOutcome {
        Objects.requireNonNull(variant, "variant");
        failedByErrcode = Map.copyOf(failedByErrcode);
        skippedByReason = Map.copyOf(skippedByReason);
    }

    /**
     * Conversions per customer exposed: per push sent, or for the holdout per decision (nobody in
     * it is sent anything). Empty when nobody was exposed.
     */
    public java.util.OptionalDouble conversionRate() {
        long exposed = holdout ? decided : sent;
        return exposed == 0 ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of((double) conversions / exposed);
    }
}
