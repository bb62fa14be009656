package com.mplifecycle.devtools.events;

/**
 * Outcome of one entry, like {@code PutEventsResultEntry}: either an event id or an error code and message.
 */
public record EntryResult(String eventId, String errorCode, String errorMessage) {

    static EntryResult accepted(String eventId) {
        return new EntryResult(eventId, null, null);
    }

    static EntryResult rejected(String errorCode, String errorMessage) {
        return new EntryResult(null, errorCode, errorMessage);
    }

    public boolean isFailure() {
        return errorCode != null;
    }
}
