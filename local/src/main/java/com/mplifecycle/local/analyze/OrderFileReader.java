package com.mplifecycle.local.analyze;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.mplifecycle.domain.orderfile.CsvLine;
import com.mplifecycle.domain.rfm.OrderRow;

/**
 * Reads an order file into {@link OrderRow}s. A line that cannot be read is reported on
 * {@code err} with its number and reason and skipped; blank lines are skipped silently.
 */
final class OrderFileReader {
    /** What was read: the orders and how many lines were skipped as bad. */
    record Orders(List<OrderRow> rows, int badLines) {
    }

    /** The file's header lacks a requested column: a usage error, not a bad line. */
    static final class MissingColumnException extends Exception {
        MissingColumnException(String message) {
            super(message);
        }
    }

    private final AnalyzeOptions options;
    private final PrintStream err;

    OrderFileReader(AnalyzeOptions options, PrintStream err) {
        this.options = options;
        this.err = err;
    }

    Orders read() throws IOException, MissingColumnException {
        try (BufferedReader reader = Files.newBufferedReader(options.orders(), StandardCharsets.UTF_8)) {
            List<OrderRow> rows = new ArrayList<>();
            int bad = 0;
            int lineNumber = 0;
            int[] columns = null;
            if (options.format() == OrderFormat.CSV) {
                String header = reader.readLine();
                lineNumber++;
                columns = columns(header == null ? List.of() : CsvLine.split(stripBom(header)));
            }
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    rows.add(columns == null ? cdnow(line) : csv(line, columns));
                } catch (RuntimeException e) {
                    bad++;
                    err.println("line " + lineNumber + ": " + reason(e));
                }
            }
            return new Orders(rows, bad);
        }
    }

    private int[] columns(List<String> header) throws MissingColumnException {
        String[] names = {options.customerColumn(), options.dateColumn(), options.amountColumn()};
        int[] indexes = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            indexes[i] = header.indexOf(names[i]);
            if (indexes[i] < 0) {
                throw new MissingColumnException("no column " + names[i] + " in the header " + header);
            }
        }
        return indexes;
    }

    private static OrderRow csv(String line, int[] columns) {
        List<String> fields = CsvLine.split(line);
        for (int column : columns) {
            if (column >= fields.size()) {
                throw new IllegalArgumentException("expected at least " + (column + 1) + " fields, found "
                        + fields.size());
            }
        }
        return OrderRow.ofCurrencyUnits(fields.get(columns[0]).trim(), date(fields.get(columns[1]).trim()),
                new BigDecimal(fields.get(columns[2]).trim()));
    }

    private static OrderRow cdnow(String line) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("expected 5 whitespace-separated fields, found " + fields.length);
        }
        return OrderRow.ofCurrencyUnits(fields[0], LocalDate.parse(fields[2], DateTimeFormatter.BASIC_ISO_DATE),
                new BigDecimal(fields[4]));
    }

    /** ISO dates, optionally followed by a time ({@code 2011-12-09 12:50}), or {@code yyyymmdd}. */
    static LocalDate date(String value) {
        if (value.length() == 8) {
            return LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE);
        }
        if (value.length() > 10 && (value.charAt(10) == ' ' || value.charAt(10) == 'T')) {
            return LocalDate.parse(value.substring(0, 10));
        }
        return LocalDate.parse(value);
    }

    private static String reason(RuntimeException e) {
        if (e instanceof NumberFormatException) {
            return "amount is not a number";
        }
        if (e instanceof DateTimeParseException d) {
            return "date is not YYYY-MM-DD: " + d.getParsedString();
        }
        return e.getMessage();
    }

    private static String stripBom(String header) {
        return header.startsWith("\uFEFF") ? header.substring(1) : header;
    }
}
