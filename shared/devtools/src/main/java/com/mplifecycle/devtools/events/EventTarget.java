package com.mplifecycle.devtools.events;

/**
 * Receives the full EventBridge envelope JSON of each event its rule matched.
 * Throwing makes the bus retry, then dead-letter the event.
 */
@FunctionalInterface
public interface EventTarget {
    void deliver(String envelopeJson) throws Exception;
}
