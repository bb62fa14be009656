package com.mplifecycle.functions.dispatch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts of one invocation's outcomes, shared by its worker threads. */
final class DispatchTally {
    final AtomicInteger customers = new AtomicInteger();
    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger holdout = new AtomicInteger();
    final AtomicInteger skipped = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger retryLater = new AtomicInteger();
    final AtomicInteger deferred = new AtomicInteger();
    final AtomicInteger duplicates = new AtomicInteger();
    final AtomicInteger errors = new AtomicInteger();
    /** Customers not sent to because WeChat rate-limited the app: moved in the due index to the pause's end. */
    final AtomicInteger paused = new AtomicInteger();
    /** Walks whose rest this invocation requested for another one. */
    final AtomicInteger handedOn = new AtomicInteger();
    /** Shards the 5-minute run left to the chain that holds them. */
    final AtomicInteger chained = new AtomicInteger();

    Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("customers", customers.get());
        m.put("sent", sent.get());
        m.put("holdout", holdout.get());
        m.put("skipped", skipped.get());
        m.put("failed", failed.get());
        m.put("retryLater", retryLater.get());
        m.put("deferred", deferred.get());
        m.put("duplicates", duplicates.get());
        m.put("errors", errors.get());
        m.put("paused", paused.get());
        m.put("handedOn", handedOn.get());
        m.put("chained", chained.get());
        return m;
    }
}
