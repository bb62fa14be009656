package com.mplifecycle.functions.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.mplifecycle.aws.store.ProfileStore;

/**
 * Erases one customer: first the profile becomes a tombstone (in-flight folds then fail their
 * version condition, and the stream consumer drops records received before the erasure), then
 * each {@link Step} deletes the customer's other data. Every step is idempotent, so a failed
 * erasure is simply repeated. Credits live in the profile and go with it.
 */
final class CustomerErasure {
    /** Longer than any stream record or Lambda retry can outlive the erasure (24 h stream retention). */
    static final Duration TOMBSTONE_KEPT = Duration.ofDays(30);

    /** One kind of customer data kept outside the profile. */
    @FunctionalInterface
    interface Step {
        void erase(String appId, String customerId);
    }

    private final ProfileStore profiles;
    private final List<Step> steps;
    private final Clock clock;

    /**
     * @param steps the raw events, the funnel progress and the dispatch records: whatever holds
     *              data about one customer outside the profile
     */
    CustomerErasure(ProfileStore profiles, List<Step> steps, Clock clock) {
        this.profiles = profiles;
        this.steps = List.copyOf(steps);
        this.clock = clock;
    }

    Instant erase(String appId, String customerId) {
        Instant at = clock.instant();
        profiles.erase(appId, customerId, at, TOMBSTONE_KEPT);
        steps.forEach(step -> step.erase(appId, customerId));
        return at;
    }
}
