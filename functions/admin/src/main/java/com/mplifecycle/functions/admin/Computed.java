package com.mplifecycle.functions.admin;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code computedAt} of a statistics answer: when the numbers were computed and by what, so an
 * operator knows how fresh they are. {@code scheduledRun}: the daily run over all profiles (null
 * time before its first run); {@code stream}: kept up to date as events arrive (the time is the
 * answer's); {@code dispatch}: counted by the campaign dispatcher (its last update).
 */
final class Computed {
    static final String SCHEDULED_RUN = "scheduledRun";
    static final String STREAM = "stream";
    static final String DISPATCH = "dispatch";

    private Computed() {
    }

    static Map<String, Object> of(String by, Instant at) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", at == null ? null : at.toString());
        m.put("by", by);
        return m;
    }
}
