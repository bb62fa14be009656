package com.mplifecycle.devtools.events;

/**
 * Running totals of a {@link LocalEventBus}.
 *
 * @param received  entries accepted onto a bus
 * @param matched   (event, rule) pairs that matched, i.e. deliveries started
 * @param delivered deliveries a target accepted, possibly after retries
 * @param failed    deliveries that ended in the dead-letter list
 */
public record BusCounters(long received, long matched, long delivered, long failed) {
}
