package com.mplifecycle.devtools.events;

import java.time.Instant;
import java.util.List;

/**
 * One PutEvents entry, as a caller hands it in.
 *
 * <p>Fields mirror {@code PutEventsRequestEntry}. Source, detail type and detail may be null here because the
 * bus must report a missing field as a per-entry error rather than reject the call. A null {@code time} means
 * "now" by the bus clock; a null bus name means {@value LocalEventBus#DEFAULT_BUS}.
 */
public record EventEntry(
        String source, String detailType, String detail, String eventBusName, List<String> resources, Instant time) {

    public EventEntry {
        eventBusName = eventBusName == null || eventBusName.isEmpty() ? LocalEventBus.DEFAULT_BUS : eventBusName;
        resources = resources == null ? List.of() : List.copyOf(resources);
    }

    /** An entry for the default bus, no resources, timed by the bus clock. */
    public static EventEntry of(String source, String detailType, String detail) {
        return new EventEntry(source, detailType, detail, null, List.of(), null);
    }

    public EventEntry withBus(String busName) {
        return new EventEntry(source, detailType, detail, busName, resources, time);
    }

    public EventEntry withTime(Instant eventTime) {
        return new EventEntry(source, detailType, detail, eventBusName, resources, eventTime);
    }

    public EventEntry withResources(List<String> eventResources) {
        return new EventEntry(source, detailType, detail, eventBusName, eventResources, time);
    }
}
