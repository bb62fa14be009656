package com.mplifecycle.local.schedule;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * An EventBridge schedule expression: {@code rate(5 minutes)}, {@code cron(0 3 * * ? *)} (AWS's six fields:
 * minute hour day-of-month month day-of-week year) or {@code at(2026-06-01T09:00:00)}, evaluated in a time
 * zone ({@code ScheduleExpressionTimezone}, default UTC; rate ignores it).
 *
 * <p>Daylight saving follows EventBridge Scheduler: a cron or at time that falls into the spring-forward gap
 * is skipped, one that occurs twice in the autumn runs once, at its first occurrence.
 */
public sealed interface ScheduleExpression permits RateExpression, CronExpression, AtExpression {

    /** Parses {@code expression} in UTC. */
    static ScheduleExpression parse(String expression) {
        return parse(expression, ZoneOffset.UTC);
    }

    /** Parses {@code expression}; {@code timezone} is an IANA name such as Asia/Shanghai, null or empty for UTC. */
    static ScheduleExpression parse(String expression, String timezone) {
        if (timezone == null || timezone.isBlank()) {
            return parse(expression, ZoneOffset.UTC);
        }
        try {
            return parse(expression, ZoneId.of(timezone.trim()));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Unknown ScheduleExpressionTimezone '" + timezone + "'", e);
        }
    }

    /**
     * Parses {@code expression} in {@code zone}.
     *
     * @throws IllegalArgumentException naming what is wrong with the expression
     */
    static ScheduleExpression parse(String expression, ZoneId zone) {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(zone, "zone");
        String text = expression.trim();
        try {
            if (text.startsWith("rate(") && text.endsWith(")")) {
                return RateExpression.parse(text);
            }
            if (text.startsWith("cron(") && text.endsWith(")")) {
                return CronExpression.parse(text, zone);
            }
            if (text.startsWith("at(") && text.endsWith(")")) {
                return AtExpression.parse(text, zone);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid schedule expression '" + expression + "': " + e.getMessage(), e);
        }
        throw new IllegalArgumentException(
                "Invalid schedule expression '" + expression + "': expected rate(...), cron(...) or at(...)");
    }

    /** The expression text as written. */
    String expression();

    ZoneId zone();

    /** The first occurrence strictly after {@code time}; empty when there is none (a past at(), a past year). */
    Optional<Instant> nextAfter(Instant time);

    /** The last occurrence at or before {@code time}; empty when none has happened yet. */
    Optional<Instant> latestAtOrBefore(Instant time);

    /**
     * The same schedule counted from {@code start}: a rate fires at start + n × interval (n ≥ 1).
     * Cron and at expressions are absolute and return themselves.
     */
    default ScheduleExpression anchoredAt(Instant start) {
        return this;
    }
}
