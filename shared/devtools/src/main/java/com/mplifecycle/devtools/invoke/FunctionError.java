package com.mplifecycle.devtools.invoke;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A handler threw: the local counterpart of Lambda's {@code X-Amz-Function-Error: Unhandled}.
 *
 * <p>{@link #errorType()} and {@link #errorMessage()} are what Lambda's Java runtime puts in its
 * error JSON; the handler's exception is the cause.
 */
public final class FunctionError extends RuntimeException {
    private final String errorType;
    private final String errorMessage;

    FunctionError(Throwable cause) {
        super(cause.getClass().getName() + ": " + cause.getMessage(), cause);
        this.errorType = cause.getClass().getName();
        this.errorMessage = cause.getMessage();
    }

    public String errorType() {
        return errorType;
    }

    /** The exception's message; null when it had none, as in Lambda's error JSON. */
    public String errorMessage() {
        return errorMessage;
    }

    /** The error document Lambda returns: errorMessage, errorType, stackTrace. */
    public Map<String, Object> errorDocument() {
        List<String> trace = new ArrayList<>();
        for (StackTraceElement element : getCause().getStackTrace()) {
            trace.add(element.toString());
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("errorMessage", errorMessage);
        document.put("errorType", errorType);
        document.put("stackTrace", trace);
        return document;
    }
}
