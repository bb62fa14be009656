package com.mplifecycle.devtools.events;

/** A whole-request failure, answered as {@code {"__type": type, "message": ...}} with HTTP 400. */
final class RequestRejected extends Exception {
    private final String type;

    RequestRejected(String type, String message) {
        super(message, null, false, false);
        this.type = type;
    }

    String type() {
        return type;
    }
}
