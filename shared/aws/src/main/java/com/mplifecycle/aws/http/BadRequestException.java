package com.mplifecycle.aws.http;

/** A request the client must change: the status and a reason safe to return. */
public final class BadRequestException extends RuntimeException {
    private final int status;

    public BadRequestException(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
