package com.mplifecycle.aws.store;

/** DynamoDB did not take a write after all retries (throttling or errors): the caller answers 503. */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
