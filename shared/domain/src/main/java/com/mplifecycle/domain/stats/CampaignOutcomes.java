package com.mplifecycle.domain.stats;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/** A campaign's outcome counts per variant and holdout, as of {@code computedAt}. */
public record CampaignOutcomes(String campaignId, Instant computedAt, List<VariantOutcome> variants) {
    public CampaignOutcomes {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(computedAt, "computedAt");
        variants = List.copyOf(variants);
    }

    public Optional<VariantOutcome> holdout() {
        return variants.stream().filter(VariantOutcome::holdout).findFirst();
    }

    /**
     * A variant's conversion rate minus the holdout's (absolute, in rate units): what the push
     * added. Empty for the holdout itself and when either rate is unknown.
     */
    public OptionalDouble liftOverHoldout(VariantOutcome variant) {
        if (variant.holdout()) {
            return OptionalDouble.empty();
        }
        OptionalDouble base = holdout().map(VariantOutcome::conversionRate).orElse(OptionalDouble.empty());
        OptionalDouble rate = variant.conversionRate();
        return base.isPresent() && rate.isPresent() ? OptionalDouble.of(rate.getAsDouble() - base.getAsDouble())
                : OptionalDouble.empty();
    }
}
