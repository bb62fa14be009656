package com.mplifecycle.domain.orderfile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;

/**
 * The payment time of an imported order. Exports write it in many ways; accepted are dates
 * ({@code 2011-12-09}, {@code 2011/12/9}, {@code 20111209}), local times ({@code 2011-12-09 12:50},
 * {@code 2011-12-09T12:50:07.5}), ISO times with an offset ({@code 2011-12-09T04:50:00Z}) and epoch
 * seconds (10 digits) or milliseconds (13 digits). Dates and local times are in the app's time
 * zone; a bare date is its start of day, so the order falls on that local day.
 */
final class OrderTime {
    static final String FORMATS = "YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS], ISO with offset, epoch seconds or ms";
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-M-d")
            .optionalStart().optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("H:mm").optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalEnd()
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);

    private OrderTime() {
    }

    static Instant parse(String text, ZoneId zone) {
        String value = text.trim();
        if (DIGITS.matcher(value).matches()) {
            return digits(value, zone);
        }
        try {
            if (hasOffset(value)) {
                return OffsetDateTime.parse(value.replace(' ', 'T')).toInstant();
            }
            TemporalAccessor t = LOCAL.parseBest(value.replace('/', '-'), LocalDateTime::from, LocalDate::from);
            return t instanceof LocalDateTime dt ? dt.atZone(zone).toInstant()
                    : ((LocalDate) t).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(unreadable(text), e);
        }
    }

    /** A zone offset follows the time: {@code Z}, or a sign after the date part. */
    private static boolean hasOffset(String value) {
        return value.length() > 10 && (value.endsWith("Z") || value.indexOf('+', 10) > 0 || value.indexOf('-', 10) > 0);
    }

    private static Instant digits(String value, ZoneId zone) {
        switch (value.length()) {
            case 8:
                try {
                    return LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay(zone).toInstant();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(unreadable(value), e);
                }
            case 10:
                return Instant.ofEpochSecond(Long.parseLong(value));
            case 13:
                return Instant.ofEpochMilli(Long.parseLong(value));
            default:
                throw new IllegalArgumentException(unreadable(value));
        }
    }

    private static String unreadable(String value) {
        return "date is not a date or time: '" + value + "' (" + FORMATS + ")";
    }
}
