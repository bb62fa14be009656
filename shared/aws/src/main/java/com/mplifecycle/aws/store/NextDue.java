package com.mplifecycle.aws.store;

import java.time.Instant;
import java.util.Optional;

import com.mplifecycle.domain.profile.CustomerProfile;

/**
 * Where a profile belongs in the due index (docs/data-model.md): the next moment a dispatch run has
 * something to decide for the customer, computed when the profile is written, so that the 5-minute
 * sweep reads only the customers due by then. Empty: not in the index until the profile changes.
 */
@FunctionalInterface
public interface NextDue {
    /**
     * Due at once, for writers that do not know the app's campaigns (tools, tests): the next sweep reads
     * the customer and puts it where it belongs, so no writer can drop a customer from the index.
     */
    NextDue AT_ONCE = p -> Optional.of(Instant.EPOCH);

    Optional<Instant> of(CustomerProfile p);
}
