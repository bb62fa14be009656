package com.mplifecycle.devtools.events;

/** A rule on one bus: an Event Ruler pattern and the target it feeds. */
record Rule(String name, String busName, String pattern, int maximumRetryAttempts, EventTarget target) {
}
