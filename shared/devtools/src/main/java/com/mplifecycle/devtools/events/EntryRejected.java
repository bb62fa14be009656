package com.mplifecycle.devtools.events;

/** Why one entry was refused; becomes an ErrorCode/ErrorMessage pair, never a failed call. */
final class EntryRejected extends Exception {
    private final String errorCode;

    EntryRejected(String errorCode, String message) {
        super(message, null, false, false);
        this.errorCode = errorCode;
    }

    EntryResult toResult() {
        return EntryResult.rejected(errorCode, getMessage());
    }
}
