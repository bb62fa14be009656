package com.mplifecycle.local.analyze;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.mplifecycle.domain.rfm.RfmWindow;

/** The parsed arguments of {@code analyze}; {@code asOf} is null for the analyzer's default. */
record AnalyzeOptions(Path orders, OrderFormat format, LocalDate asOf, int windowDays,
                      String customerColumn, String dateColumn, String amountColumn) {

    static final String USAGE = "usage: analyze --orders FILE [--format csv|cdnow] [--as-of YYYY-MM-DD]"
            + " [--window-days N] [--customer-col NAME --date-col NAME --amount-col NAME]";

    /** Thrown for arguments that make no sense; the command prints it with the usage and exits 2. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static AnalyzeOptions parse(List<String> args) throws UsageException {
        Path orders = null;
        OrderFormat format = OrderFormat.CSV;
        LocalDate asOf = null;
        int windowDays = RfmWindow.DEFAULT_DAYS;
        String customer = "customerId";
        String date = "date";
        String amount = "amount";
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            if (i + 1 >= args.size()) {
                throw new UsageException(flag.startsWith("--") ? flag + " needs a value" : "unexpected " + flag);
            }
            String value = args.get(++i);
            switch (flag) {
                case "--orders" -> orders = Path.of(value);
                case "--format" -> format = OrderFormat.named(value);
                case "--as-of" -> asOf = date(value);
                case "--window-days" -> windowDays = positive(value);
                case "--customer-col" -> customer = value;
                case "--date-col" -> date = value;
                case "--amount-col" -> amount = value;
                default -> throw new UsageException("unknown option " + flag);
            }
        }
        if (orders == null) {
            throw new UsageException("--orders is required");
        }
        return new AnalyzeOptions(orders, format, asOf, windowDays, customer, date, amount);
    }

    private static LocalDate date(String value) throws UsageException {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException("--as-of must be YYYY-MM-DD: " + value);
        }
    }

    private static int positive(String value) throws UsageException {
        try {
            int days = Integer.parseInt(value);
            if (days >= 1) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--window-days must be a positive integer: " + value);
    }
}
