package com.mplifecycle.devtools.events;

/**
 * An event that a rule target still rejected after all retries: the envelope it was given and the last error.
 */
public record DeadLetter(String busName, String ruleName, String envelope, String error, int attempts) {
}
