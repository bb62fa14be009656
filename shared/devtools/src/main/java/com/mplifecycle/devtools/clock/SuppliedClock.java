package com.mplifecycle.devtools.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A UTC clock whose instant is whatever a test or bench says it is now, read from a supplier (typically an
 * {@code AtomicReference<Instant>} the test moves): the code under test keeps taking a plain {@link Clock}.
 */
public final class SuppliedClock extends Clock {
    private final Supplier<Instant> now;

    private SuppliedClock(Supplier<Instant> now) {
        this.now = Objects.requireNonNull(now, "now");
    }

    public static Clock utc(Supplier<Instant> now) {
        return new SuppliedClock(now);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The zone is not kept: every component of the project converts to the app's zone itself. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
