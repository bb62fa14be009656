package com.mplifecycle.functions.admin;

/** A request value the client must change: which field (dotted path) and why. Answered with 400. */
final class InvalidFieldException extends RuntimeException {
    private final String field;
    private final String reason;

    InvalidFieldException(String field, String reason) {
        super(field + ": " + reason, null, false, false);
        this.field = field;
        this.reason = reason;
    }

    String field() {
        return field;
    }

    String reason() {
        return reason;
    }
}
