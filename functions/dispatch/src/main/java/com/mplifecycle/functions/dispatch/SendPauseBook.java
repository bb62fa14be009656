package com.mplifecycle.functions.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.mplifecycle.aws.store.SendPauses;

/**
 * The container's view of the apps' send pauses ({@link SendPauses}): read once per app and
 * {@value #REREAD_SECONDS} s, so that a fanned-out sweep checks an app's pause before each send without a read
 * each; a pause this container sets counts at once, one another container set within that time.
 */
final class SendPauseBook {
    static final long REREAD_SECONDS = 15;

    private record Known(Optional<Instant> until, long readAtNanos) {
    }

    private final SendPauses store;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    SendPauseBook(SendPauses store) {
        this.store = store;
    }

    /** Until when the app's sends are paused, if they are at {@code now}. */
    Optional<Instant> pausedUntil(String appId, Instant now) {
        Known k = known.get(appId);
        if (k == null || System.nanoTime() - k.readAtNanos() > Duration.ofSeconds(REREAD_SECONDS).toNanos()) {
            k = new Known(store.until(appId), System.nanoTime());
            known.put(appId, k);
        }
        return k.until().filter(now::isBefore);
    }

    /** Pauses the app's sends until {@code until} (only ever later), here at once and for every container. */
    void pause(String appId, Instant until, int errcode) {
        known.merge(appId, new Known(Optional.of(until), System.nanoTime()), (old, fresh) ->
                old.until().filter(u -> u.isAfter(until)).isPresent() ? old : fresh);
        store.pause(appId, until, errcode);
    }
}
