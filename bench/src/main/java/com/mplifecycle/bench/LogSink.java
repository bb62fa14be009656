package com.mplifecycle.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces System.out while figures run: the functions' JSON log lines are counted (bytes are what
 * CloudWatch Logs would ingest) instead of printed, and the ingest line's {@code writeUnits} and
 * {@code accepted} are summed (the handler's own ReturnConsumedCapacity reading).
 */
final class LogSink extends PrintStream {
    private static final Pattern WRITE_UNITS = Pattern.compile("\"writeUnits\":([0-9.Ee+-]+)");
    private static final Pattern ACCEPTED = Pattern.compile("\"accepted\":([0-9]+)");

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
            Matcher w = WRITE_UNITS.matcher(line);
            if (w.find()) {
                ingestWriteUnits.add(Double.parseDouble(w.group(1)));
            }
            Matcher a = ACCEPTED.matcher(line);
            if (a.find()) {
                ingestAccepted.addAndGet(Long.parseLong(a.group(1)));
            }
        }
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
