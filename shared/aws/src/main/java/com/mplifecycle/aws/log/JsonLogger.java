package com.mplifecycle.aws.log;

import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import com.mplifecycle.aws.json.PlainJson;

/**
 * Structured logs: one JSON object per line with time, level, the function, the request or batch
 * id and the message's fields. Callers pass ids and counts, never openids, tokens, secrets or
 * message content.
 */
public final class JsonLogger {
    private final String function;
    private final Clock clock;
    private final PrintStream out;

    public JsonLogger(String function, Clock clock) {
        this(function, clock, System.out);
    }

    public JsonLogger(String function, Clock clock, PrintStream out) {
        this.function = function;
        this.clock = clock;
        this.out = out;
    }

    public void info(String requestId, String message, Object... keyValues) {
        write("INFO", requestId, message, keyValues);
    }

    public void warn(String requestId, String message, Object... keyValues) {
        write("WARN", requestId, message, keyValues);
    }

    public void error(String requestId, String message, Object... keyValues) {
        write("ERROR", requestId, message, keyValues);
    }

    private void write(String level, String requestId, String message, Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("keyValues must be pairs");
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", clock.instant().toString());
        line.put("level", level);
        line.put("function", function);
        line.put("requestId", requestId);
        line.put("message", message);
        for (int i = 0; i < keyValues.length; i += 2) {
            line.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
        }
        String json = PlainJson.write(line);
        synchronized (out) {
            out.println(json);
        }
    }
}
