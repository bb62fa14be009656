package com.mplifecycle.devtools.invoke;

import java.nio.charset.StandardCharsets;

import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** Writes each log call as one line on stdout, tagged with the function and request, like a log stream. */
final class StdoutLambdaLogger implements LambdaLogger {
    private final String prefix;

    StdoutLambdaLogger(String functionName, String requestId) {
        this.prefix = functionName + " " + requestId + " ";
    }

    @Override
    public void log(String message) {
        String text = message == null ? "null" : message;
        // One println per call keeps lines from concurrent functions whole.
        System.out.println(prefix + (text.endsWith("\n") ? text.substring(0, text.length() - 1) : text));
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
    }
}
