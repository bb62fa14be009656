package com.mplifecycle.aws.auth;

/** A session token that cannot be trusted; the message is a reason safe to return to the client. */
public final class TokenRejectedException extends RuntimeException {
    public TokenRejectedException(String reason) {
        super(reason, null, false, false);
    }
}
