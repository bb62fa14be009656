package com.mplifecycle.aws.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import com.mplifecycle.domain.profile.CustomerProfile;

/**
 * A profiles-table item as the stream consumer needs it: the profile to fold onto and, when the
 * customer was erased, when. After an erasure the item is a tombstone: {@code profile} is then
 * empty but carries the tombstone's version, so folding onto it and saving replaces the tombstone
 * conditionally like any other write.
 */
public record StoredCustomer(CustomerProfile profile, Instant erasedAt) {
    public StoredCustomer {
        Objects.requireNonNull(profile, "profile");
    }

    /** When the customer was erased; records the events table received before then must be dropped. */
    public Optional<Instant> erasure() {
        return Optional.ofNullable(erasedAt);
    }
}
