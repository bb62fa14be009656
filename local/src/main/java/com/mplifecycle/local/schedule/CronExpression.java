package com.mplifecycle.local.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code cron(minute hour day-of-month month day-of-week year)} in AWS's six-field form, evaluated in a zone.
 *
 * <p>Search walks dates (skipping whole months and years that cannot match) and then the allowed hours and
 * minutes of each matching date, so even a rare expression is found in a few thousand steps. Years are
 * 1970-2199, as in AWS.
 */
record CronExpression(
        String expression, ZoneId zone, CronField minutes, CronField hours, Predicate<LocalDate> days,
        CronField months, CronField years) implements ScheduleExpression {

    static final int FIRST_YEAR = 1970;
    static final int LAST_YEAR = 2199;
    private static final Map<String, Integer> MONTH_NAMES = Map.ofEntries(
            Map.entry("JAN", 1), Map.entry("FEB", 2), Map.entry("MAR", 3), Map.entry("APR", 4),
            Map.entry("MAY", 5), Map.entry("JUN", 6), Map.entry("JUL", 7), Map.entry("AUG", 8),
            Map.entry("SEP", 9), Map.entry("OCT", 10), Map.entry("NOV", 11), Map.entry("DEC", 12));

    static CronExpression parse(String text, ZoneId zone) {
        String body = text.substring("cron(".length(), text.length() - 1).trim();
        String[] fields = body.split("\\s+");
        if (fields.length != 6) {
            throw new IllegalArgumentException("cron needs 6 fields (minute hour day-of-month month day-of-week year), got "
                    + (body.isEmpty() ? 0 : fields.length));
        }
        for (int i : new int[] {0, 1, 3, 5}) {
            if (fields[i].contains("?")) {  // 'L' and '#' elsewhere fail as "not a number or name"
                throw new IllegalArgumentException("'?' is only allowed in the day fields");
            }
        }
        return new CronExpression(text, zone,
                CronField.parse(fields[0], "minute", 0, 59, Map.of()),
                CronField.parse(fields[1], "hour", 0, 23, Map.of()),
                CronDays.parse(fields[2], fields[4]),
                CronField.parse(fields[3], "month", 1, 12, MONTH_NAMES),
                CronField.parse(fields[5], "year", FIRST_YEAR, LAST_YEAR, Map.of()));
    }

    @Override
    public Optional<Instant> nextAfter(Instant time) {
        LocalDate date = LocalDate.ofInstant(time, zone);
        while (date.getYear() <= LAST_YEAR) {
            if (!years.contains(date.getYear())) {
                date = LocalDate.of(date.getYear() + 1, 1, 1);
            } else if (!months.contains(date.getMonthValue())) {
                date = date.with(TemporalAdjusters.firstDayOfNextMonth());
            } else {
                if (days.test(date)) {
                    Optional<Instant> found = firstOnDateAfter(date, time);
                    if (found.isPresent()) {
                        return found;
                    }
                }
                date = date.plusDays(1);
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<Instant> latestAtOrBefore(Instant time) {
        LocalDate date = LocalDate.ofInstant(time, zone);
        while (date.getYear() >= FIRST_YEAR) {
            if (!years.contains(date.getYear())) {
                date = LocalDate.of(date.getYear() - 1, 12, 31);
            } else if (!months.contains(date.getMonthValue())) {
                date = date.withDayOfMonth(1).minusDays(1);
            } else {
                if (days.test(date)) {
                    Optional<Instant> found = lastOnDateAtOrBefore(date, time);
                    if (found.isPresent()) {
                        return found;
                    }
                }
                date = date.minusDays(1);
            }
        }
        return Optional.empty();
    }

    private Optional<Instant> firstOnDateAfter(LocalDate date, Instant time) {
        for (int hour = hours.first(); hour >= 0; hour = hours.atOrAfter(hour + 1)) {
            for (int minute = minutes.first(); minute >= 0; minute = minutes.atOrAfter(minute + 1)) {
                Optional<Instant> instant = instantOf(date.atTime(hour, minute));
                if (instant.isPresent() && instant.get().isAfter(time)) {
                    return instant;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Instant> lastOnDateAtOrBefore(LocalDate date, Instant time) {
        for (int hour = hours.atOrBefore(23); hour >= 0; hour = hours.atOrBefore(hour - 1)) {
            for (int minute = minutes.atOrBefore(59); minute >= 0; minute = minutes.atOrBefore(minute - 1)) {
                Optional<Instant> instant = instantOf(date.atTime(hour, minute));
                if (instant.isPresent() && !instant.get().isAfter(time)) {
                    return instant;
                }
            }
        }
        return Optional.empty();
    }

    /** Empty in a spring-forward gap; the earlier instant when an autumn overlap makes the time occur twice. */
    private Optional<Instant> instantOf(LocalDateTime local) {
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        return offsets.isEmpty() ? Optional.empty() : Optional.of(local.toInstant(offsets.get(0)));
    }
}
