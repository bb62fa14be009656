package com.mplifecycle.local.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which dates the day-of-month and day-of-week fields of an AWS cron expression allow.
 *
 * <p>AWS requires {@code ?} in exactly one of the two fields. Day-of-week counts 1=SUN to 7=SAT.
 * Supported extras: {@code L} (last day of month; in day-of-week alone, Saturday), {@code nL} (last given
 * weekday of the month) and {@code n#k} (k-th given weekday). {@code W} is refused rather than guessed.
 */
final class CronDays {
    private static final Map<String, Integer> DAY_NAMES =
            Map.of("SUN", 1, "MON", 2, "TUE", 3, "WED", 4, "THU", 5, "FRI", 6, "SAT", 7);

    private CronDays() {
    }

    static Predicate<LocalDate> parse(String dayOfMonth, String dayOfWeek) {
        boolean domAny = dayOfMonth.equals("?");
        boolean dowAny = dayOfWeek.equals("?");
        if (domAny == dowAny) {
            throw new IllegalArgumentException(
                    "exactly one of day-of-month and day-of-week must be '?', got '" + dayOfMonth + "' and '"
                            + dayOfWeek + "'");
        }
        return dowAny ? dayOfMonth(dayOfMonth) : dayOfWeek(dayOfWeek);
    }

    private static Predicate<LocalDate> dayOfMonth(String text) {
        if (text.contains("W")) {
            throw new IllegalArgumentException("day-of-month 'W' (nearest weekday) is not supported locally");
        }
        if (text.equals("L")) {
            return date -> date.getDayOfMonth() == date.lengthOfMonth();
        }
        CronField days = CronField.parse(text, "day-of-month", 1, 31, Map.of());
        return date -> days.contains(date.getDayOfMonth());
    }

    private static Predicate<LocalDate> dayOfWeek(String text) {
        if (text.equals("L")) {
            return date -> date.getDayOfWeek() == DayOfWeek.SATURDAY;
        }
        if (text.endsWith("L")) {
            DayOfWeek day = singleDay(text.substring(0, text.length() - 1));
            return date -> date.equals(date.with(TemporalAdjusters.lastInMonth(day)));
        }
        int hash = text.indexOf('#');
        if (hash >= 0) {
            DayOfWeek day = singleDay(text.substring(0, hash));
            int ordinal = CronField.parse(text.substring(hash + 1), "day-of-week '#' ordinal", 1, 5, Map.of()).first();
            return date -> date.getDayOfWeek() == day && (date.getDayOfMonth() - 1) / 7 + 1 == ordinal;
        }
        CronField days = CronField.parse(text, "day-of-week", 1, 7, DAY_NAMES);
        return date -> days.contains(awsDayNumber(date.getDayOfWeek()));
    }

    private static DayOfWeek singleDay(String text) {
        if (!text.matches("[0-9A-Za-z]+")) {
            throw new IllegalArgumentException("day-of-week '" + text + "' must be a single day before 'L' or '#'");
        }
        int aws = CronField.parse(text, "day-of-week", 1, 7, DAY_NAMES).first();
        return DayOfWeek.SUNDAY.plus(aws - 1L);
    }

    /** AWS numbers days 1=SUN..7=SAT; java.time numbers them 1=MON..7=SUN. */
    static int awsDayNumber(DayOfWeek day) {
        return day.getValue() % 7 + 1;
    }
}
