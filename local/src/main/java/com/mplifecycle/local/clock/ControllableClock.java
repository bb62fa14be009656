package com.mplifecycle.local.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A UTC clock that runs in real time from an adjustable offset: {@code now = base.instant() + offset}.
 *
 * <p>The local runtime hands this clock to every component, so a demo can jump ahead ({@link #advance})
 * or to a fixed moment ({@link #set}) while the system keeps moving on its own between jumps.
 * Tests pass a {@link Clock#fixed fixed} base so time only moves when they say so.
 *
 * <p>Thread-safe. Listeners run on the thread that changed the clock, after the change, outside any lock.
 * A listener that throws does not stop the others; the first exception is rethrown once all have run.
 */
public final class ControllableClock extends Clock {
    private final Clock base;
    private final List<Consumer<Instant>> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private Duration offset = Duration.ZERO;

    /** Runs from the system clock. */
    public ControllableClock() {
        this(Clock.systemUTC());
    }

    /** Runs from {@code base}; only its instant is used, the zone stays UTC. */
    public ControllableClock(Clock base) {
        this.base = Objects.requireNonNull(base, "base");
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** A view in another zone that still follows this clock's instant. */
    @Override
    public Clock withZone(ZoneId zone) {
        return ZoneOffset.UTC.equals(zone) ? this : new ZonedView(this, zone);
    }

    @Override
    public Instant instant() {
        synchronized (lock) {
            return base.instant().plus(offset);
        }
    }

    /** Current distance from the base clock. */
    public Duration offset() {
        synchronized (lock) {
            return offset;
        }
    }

    /** Moves time forward (or back, for a negative amount) and notifies listeners. */
    public Instant advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        Instant now;
        synchronized (lock) {
            offset = offset.plus(amount);
            now = base.instant().plus(offset);
        }
        notifyListeners(now);
        return now;
    }

    /** Jumps to {@code target}; time keeps running from there. Notifies listeners. */
    public void set(Instant target) {
        Objects.requireNonNull(target, "target");
        synchronized (lock) {
            offset = Duration.between(base.instant(), target);
        }
        notifyListeners(target);
    }

    /** Registers a callback that receives the new time after each {@link #advance} or {@link #set}. */
    public void addListener(Consumer<Instant> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Consumer<Instant> listener) {
        listeners.remove(listener);
    }

    private void notifyListeners(Instant now) {
        RuntimeException first = null;
        for (Consumer<Instant> listener : listeners) {
            try {
                listener.accept(now);
            } catch (RuntimeException e) {
                // one faulty listener must not hide the change from the others
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return "ControllableClock[offset=" + offset() + "]";
    }

    private static final class ZonedView extends Clock {
        private final ControllableClock source;
        private final ZoneId zone;

        ZonedView(ControllableClock source, ZoneId zone) {
            this.source = source;
            this.zone = Objects.requireNonNull(zone, "zone");
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId newZone) {
            return source.withZone(newZone);
        }

        @Override
        public Instant instant() {
            return source.instant();
        }
    }
}
