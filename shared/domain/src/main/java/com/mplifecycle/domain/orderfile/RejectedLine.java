package com.mplifecycle.domain.orderfile;

import java.util.Objects;

/** A line that was not imported, and why, in words an operator can act on. */
public record RejectedLine(int lineNumber, String reason) implements ParsedLine {
    public RejectedLine {
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return "line " + lineNumber + ": " + reason;
    }
}
