package com.mplifecycle.local.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;

import com.mplifecycle.domain.orderfile.CsvLine;
import com.mplifecycle.domain.orderfile.ImportedOrder;
import com.mplifecycle.domain.orderfile.OrderColumns;
import com.mplifecycle.domain.orderfile.OrderFileLayout;
import com.mplifecycle.domain.orderfile.OrderLineParser;
import com.mplifecycle.domain.orderfile.OrdersByCustomer;
import com.mplifecycle.domain.orderfile.ParsedLine;
import com.mplifecycle.domain.orderfile.RejectedLine;

/**
 * An order file (UTF-8 CSV with a header) read into orders grouped by customer. Each rejected
 * line is printed on {@code err} as it is met ({@code line N: reason}) and reading goes on; blank
 * lines are skipped silently.
 */
record ImportFile(OrdersByCustomer orders, int dataLines, int rejected, boolean derivedOrderIds) {

    /** The header lacks a column, or there is no header: nothing can be read, a usage error. */
    static final class HeaderException extends Exception {
        HeaderException(String message) {
            super(message);
        }
    }

    static ImportFile read(Path path, OrderColumns columns, String appId, ZoneId zone, Instant now, PrintStream err)
            throws IOException, HeaderException {
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                throw new HeaderException(path + " is empty: expected a CSV header line");
            }
            OrderLineParser parser;
            boolean derived;
            try {
                OrderFileLayout layout = columns.locate(CsvLine.header(header));
                derived = layout.derivesOrderIds();
                parser = new OrderLineParser(layout, appId, zone, now);
            } catch (IllegalArgumentException e) {
                throw new HeaderException(e.getMessage());
            }
            OrdersByCustomer orders = new OrdersByCustomer();
            int lineNumber = 1;
            int dataLines = 0;
            int rejected = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                dataLines++;
                ParsedLine parsed = parser.parse(lineNumber, line);
                RejectedLine bad = parsed instanceof ImportedOrder order ? orders.add(order).orElse(null)
                        : (RejectedLine) parsed;
                if (bad != null) {
                    rejected++;
                    err.println(bad);
                }
            }
            return new ImportFile(orders, dataLines, rejected, derived);
        }
    }
}
