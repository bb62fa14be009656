package com.mplifecycle.domain.wechat;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date and time forms accepted for {@code time} and {@code date} keywords.
 *
 * <p>Dates: {@code 2019年10月1日}, {@code 2019-10-01}, {@code 2019/10/01}, {@code 2019.10.01}; they must
 * exist on the calendar. Times: {@code 15:01} or {@code 15:01:30}, 24-hour. A date and a time are
 * separated by one space. A range is two such values joined by {@code ~}.
 */
final class DateTimeValue {
    private static final Pattern DATE = Pattern.compile(
            "([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日|([0-9]{4})([-/.])([0-9]{1,2})\\5([0-9]{1,2})");
    private static final Pattern TIME = Pattern.compile("([01]?[0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?");

    private DateTimeValue() {
    }

    /** A time, or a date and time, or a range of those. */
    static boolean isTimeOrRange(String value) {
        String[] parts = rangeParts(value);
        for (String part : parts) {
            if (!isTime(part) && !isDateTime(part)) {
                return false;
            }
        }
        return parts.length > 0;
    }

    /** A date, or a date and time, or a range of those; a range may end in a bare time (same day). */
    static boolean isDateOrRange(String value) {
        String[] parts = rangeParts(value);
        if (parts.length == 0 || !(isDate(parts[0]) || isDateTime(parts[0]))) {
            return false;
        }
        if (parts.length == 1) {
            return true;
        }
        return isDate(parts[1]) || isDateTime(parts[1]) || (isDateTime(parts[0]) && isTime(parts[1]));
    }

    /** One or two stripped parts, or none when there are more than two. */
    private static String[] rangeParts(String value) {
        String[] parts = value.split("~", -1);
        if (parts.length > 2) {
            return new String[0];
        }
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].strip();
        }
        return parts;
    }

    private static boolean isDateTime(String value) {
        int space = value.indexOf(' ');
        return space > 0 && isDate(value.substring(0, space)) && isTime(value.substring(space + 1));
    }

    private static boolean isTime(String value) {
        return TIME.matcher(value).matches();
    }

    private static boolean isDate(String value) {
        Matcher m = DATE.matcher(value);
        if (!m.matches()) {
            return false;
        }
        boolean chinese = m.group(1) != null;
        String year = chinese ? m.group(1) : m.group(4);
        String month = chinese ? m.group(2) : m.group(6);
        String day = chinese ? m.group(3) : m.group(7);
        try {
            LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
