package com.mplifecycle.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Replaces System.out while figures run: the functions' JSON log lines are counted (bytes are what
 * CloudWatch Logs would ingest) instead of printed, and the ingest line's {@code writeUnits} and
 * {@code accepted} are summed (the handler's own ReturnConsumedCapacity reading).
 */
final class LogSink extends PrintStream {
    final AtomicLong lines = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    final DoubleAdder ingestWriteUnits = new DoubleAdder();
    final AtomicLong ingestAccepted = new AtomicLong();
    final AtomicLong ingestLines = new AtomicLong();

    LogSink() {
        super(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    }

    @Override
    public void println(String line) {
        lines.incrementAndGet();
        bytes.addAndGet(line.getBytes(StandardCharsets.UTF_8).length + 1);
        if (line.contains("\"events ingested\"")) {
            ingestLines.incrementAndGet();
            String units = field(line, "\"writeUnits\":");
            if (units != null) {
                ingestWriteUnits.add(Double.parseDouble(units));
            }
            String accepted = field(line, "\"accepted\":");
            if (accepted != null) {
                ingestAccepted.addAndGet(Long.parseLong(accepted));
            }
        }
    }

    /** The number after {@code key} in a log line (this runs on the handler side of figure 1: no regex). */
    static String field(String line, String key) {
        int from = line.indexOf(key);
        if (from < 0) {
            return null;
        }
        from += key.length();
        int to = from;
        while (to < line.length() && "0123456789.Ee+-".indexOf(line.charAt(to)) >= 0) {
            to++;
        }
        return to > from ? line.substring(from, to) : null;
    }

    @Override
    public void println(Object x) {
        println(String.valueOf(x));
    }

    void reset() {
        lines.set(0);
        bytes.set(0);
        ingestWriteUnits.reset();
        ingestAccepted.set(0);
        ingestLines.set(0);
    }
}
