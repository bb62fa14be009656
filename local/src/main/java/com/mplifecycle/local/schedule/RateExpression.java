package com.mplifecycle.local.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code rate(N unit)}: every interval, counted from {@code anchor} (the epoch until anchored). */
record RateExpression(String expression, Duration interval, Instant anchor) implements ScheduleExpression {
    private static final Pattern SYNTAX = Pattern.compile("rate\\(\\s*(\\d+)\\s+([a-z]+)\\s*\\)");

    static RateExpression parse(String text) {
        Matcher matcher = SYNTAX.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("rate needs 'rate(value unit)', e.g. rate(5 minutes)");
        }
        long value;
        try {
            value = Long.parseLong(matcher.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rate value " + matcher.group(1) + " is too large", e);
        }
        if (value <= 0) {
            throw new IllegalArgumentException("rate value must be a positive number");
        }
        String unit = matcher.group(2);
        String singular = unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
        Duration one = unitDuration(singular);
        // EventBridge rejects "rate(1 minutes)" and "rate(5 minute)"
        if ((value == 1) != unit.equals(singular)) {
            throw new IllegalArgumentException("rate unit must be '" + (value == 1 ? singular : singular + "s")
                    + "' for value " + value);
        }
        return new RateExpression(text, one.multipliedBy(value), Instant.EPOCH);
    }

    private static Duration unitDuration(String unit) {
        switch (unit) {
            case "minute":
                return Duration.ofMinutes(1);
            case "hour":
                return Duration.ofHours(1);
            case "day":
                return Duration.ofDays(1);
            default:
                throw new IllegalArgumentException("rate unit '" + unit + "' is not minute(s), hour(s) or day(s)");
        }
    }

    @Override
    public ZoneId zone() {
        return ZoneOffset.UTC;
    }

    @Override
    public ScheduleExpression anchoredAt(Instant start) {
        return new RateExpression(expression, interval, start);
    }

    @Override
    public Optional<Instant> nextAfter(Instant time) {
        return Optional.of(occurrence(Math.max(1, periodsUpTo(time) + 1)));
    }

    @Override
    public Optional<Instant> latestAtOrBefore(Instant time) {
        long periods = periodsUpTo(time);
        return periods >= 1 ? Optional.of(occurrence(periods)) : Optional.empty();
    }

    /** How many whole intervals lie between the anchor and {@code time} (negative before the anchor). */
    private long periodsUpTo(Instant time) {
        return Math.floorDiv(Duration.between(anchor, time).getSeconds(), interval.getSeconds());
    }

    private Instant occurrence(long periods) {
        return anchor.plus(interval.multipliedBy(periods));
    }
}
