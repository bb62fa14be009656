package com.mplifecycle.aws.bus;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * Puts entries on the bus, {@link StageChangePublisher#ENTRIES_PER_CALL} per call; entries EventBridge refused
 * are sent again (up to {@value #ATTEMPTS} attempts). If some still fail it throws, so the invocation fails and
 * Lambda retries it: the work requests of a fan-out are idempotent, a duplicate does no harm.
 */
final class BusEntries {
    static final int ATTEMPTS = 3;

    private BusEntries() {
    }

    static void putAll(EventBridgeClient events, List<PutEventsRequestEntry> entries) {
        List<PutEventsRequestEntry> pending = entries;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > ATTEMPTS) {
                throw new IllegalStateException(pending.size() + " entries refused by EventBridge");
            }
            pending = refused(events, pending, Function.identity());
        }
    }

    /**
     * One try of every item ({@code entry} makes its entry), {@link StageChangePublisher#ENTRIES_PER_CALL} per
     * call: the items whose entries EventBridge refused (empty when it took all).
     */
    static <T> List<T> refused(EventBridgeClient events, List<T> items, Function<T, PutEventsRequestEntry> entry) {
        List<T> refused = new ArrayList<>();
        for (int from = 0; from < items.size(); from += StageChangePublisher.ENTRIES_PER_CALL) {
            List<T> part = items.subList(from, Math.min(items.size(), from + StageChangePublisher.ENTRIES_PER_CALL));
            List<PutEventsRequestEntry> entries = part.stream().map(entry).toList();
            PutEventsResponse response = events.putEvents(b -> b.entries(entries));
            if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
                for (int i = 0; i < part.size(); i++) {
                    if (i >= response.entries().size() || response.entries().get(i).errorCode() != null) {
                        refused.add(part.get(i));
                    }
                }
            }
        }
        return refused;
    }
}
