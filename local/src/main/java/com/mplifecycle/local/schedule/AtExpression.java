package com.mplifecycle.local.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code at(yyyy-mm-ddThh:mm:ss)}: one occurrence, a local date-time in the schedule's zone. */
record AtExpression(String expression, ZoneId zone, Instant at) implements ScheduleExpression {
    private static final Pattern SYNTAX = Pattern.compile("at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\)");

    static AtExpression parse(String text, ZoneId zone) {
        var matcher = SYNTAX.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("at needs 'at(yyyy-mm-ddThh:mm:ss)'");
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(matcher.group(1));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + matcher.group(1) + "' is not a valid date-time", e);
        }
        return new AtExpression(text, zone, local.atZone(zone).toInstant());
    }

    @Override
    public Optional<Instant> nextAfter(Instant time) {
        return at.isAfter(time) ? Optional.of(at) : Optional.empty();
    }

    @Override
    public Optional<Instant> latestAtOrBefore(Instant time) {
        return at.isAfter(time) ? Optional.empty() : Optional.of(at);
    }
}
