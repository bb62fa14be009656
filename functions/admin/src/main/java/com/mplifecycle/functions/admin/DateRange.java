package com.mplifecycle.functions.admin;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The {@code from}/{@code to} query parameters of a statistics route: local days, inclusive, bounded. */
record DateRange(LocalDate from, LocalDate to) {
    static final int MAX_DAYS = 400;

    static DateRange of(AdminRequest request) {
        LocalDate from = day(request, "from");
        LocalDate to = day(request, "to");
        if (to.isBefore(from)) {
            throw new InvalidFieldException("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidFieldException("to", "the range is at most " + MAX_DAYS + " days");
        }
        return new DateRange(from, to);
    }

    private static LocalDate day(AdminRequest request, String name) {
        return day(name, request.http().queryParameter(name)
                .orElseThrow(() -> new InvalidFieldException(name, "is required (YYYY-MM-DD)")));
    }

    /** The query parameter {@code name}'s value as a local day, or {@link InvalidFieldException}. */
    static LocalDate day(String name, String value) {
        try {
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(value);
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new InvalidFieldException(name, "must be a date YYYY-MM-DD");
    }

    boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
