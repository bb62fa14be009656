package com.mplifecycle.local.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ScheduleExpressionTest {

    // 2026-05-01 is a Friday; Berlin switches to summer time on 2026-03-29 and back on 2026-10-25
    @ParameterizedTest(name = "{0} in {1} after {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            cron(0 3 * * ? *)             | Asia/Shanghai | 2026-05-01T00:00:00Z | 2026-05-01T19:00:00Z
            cron(0 3 * * ? *)             | Asia/Shanghai | 2026-05-01T19:00:00Z | 2026-05-02T19:00:00Z
            cron(0 3 * * ? *)             | UTC           | 2026-05-01T00:00:00Z | 2026-05-01T03:00:00Z
            cron(0/15 * * * ? *)          | UTC           | 2026-05-01T12:07:30Z | 2026-05-01T12:15:00Z
            cron(0/15 * * * ? *)          | UTC           | 2026-05-01T12:45:00Z | 2026-05-01T13:00:00Z
            cron(0 10 ? * MON-FRI *)      | UTC           | 2026-05-01T10:00:00Z | 2026-05-04T10:00:00Z
            cron(0 10 ? * 2-6 *)          | UTC           | 2026-05-01T10:00:00Z | 2026-05-04T10:00:00Z
            cron(0 9 ? * 1 *)             | UTC           | 2026-05-01T00:00:00Z | 2026-05-03T09:00:00Z
            cron(0 9 ? * SAT,SUN *)       | UTC           | 2026-05-01T00:00:00Z | 2026-05-02T09:00:00Z
            cron(0 9 ? * 6#3 *)           | UTC           | 2026-05-01T00:00:00Z | 2026-05-15T09:00:00Z
            cron(0 9 ? * 2L *)            | UTC           | 2026-05-01T00:00:00Z | 2026-05-25T09:00:00Z
            cron(0 0 L * ? *)             | UTC           | 2026-02-10T00:00:00Z | 2026-02-28T00:00:00Z
            cron(30 8 1 JAN,JUL ? *)      | UTC           | 2026-05-01T00:00:00Z | 2026-07-01T08:30:00Z
            cron(0 12 29 2 ? *)           | UTC           | 2026-01-01T00:00:00Z | 2028-02-29T12:00:00Z
            cron(0 12 * * ? 2027)         | UTC           | 2026-06-01T00:00:00Z | 2027-01-01T12:00:00Z
            cron(0 8-10/2 * * ? *)        | UTC           | 2026-05-01T08:00:00Z | 2026-05-01T10:00:00Z
            cron(30 2 * * ? *)            | Europe/Berlin | 2026-03-28T01:30:00Z | 2026-03-30T00:30:00Z
            cron(30 2 * * ? *)            | Europe/Berlin | 2026-10-24T12:00:00Z | 2026-10-25T00:30:00Z
            cron(30 2 * * ? *)            | Europe/Berlin | 2026-10-25T00:30:00Z | 2026-10-26T01:30:00Z
            cron(0 9 * * ? *)             | Europe/Berlin | 2026-03-28T12:00:00Z | 2026-03-29T07:00:00Z
            at(2026-06-01T09:00:00)       | Asia/Shanghai | 2026-05-01T00:00:00Z | 2026-06-01T01:00:00Z
            """)
    void nextAfter_table_returnsNextOccurrence(String expression, String zone, Instant after, Instant expected) {
        ScheduleExpression schedule = ScheduleExpression.parse(expression, zone);

        assertEquals(Optional.of(expected), schedule.nextAfter(after));
    }

    @ParameterizedTest(name = "{0} in {1} at or before {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            cron(0 3 * * ? *)        | Asia/Shanghai | 2026-05-16T00:00:00Z | 2026-05-15T19:00:00Z
            cron(0 3 * * ? *)        | UTC           | 2026-05-15T03:00:00Z | 2026-05-15T03:00:00Z
            cron(0/5 * * * ? *)      | UTC           | 2026-05-15T03:04:59Z | 2026-05-15T03:00:00Z
            cron(0 10 ? * MON-FRI *) | UTC           | 2026-05-03T23:00:00Z | 2026-05-01T10:00:00Z
            cron(0 0 L * ? *)        | UTC           | 2026-03-15T00:00:00Z | 2026-02-28T00:00:00Z
            cron(30 2 * * ? *)       | Europe/Berlin | 2026-03-29T12:00:00Z | 2026-03-28T01:30:00Z
            """)
    void latestAtOrBefore_table_returnsLastOccurrence(String expression, String zone, Instant at, Instant expected) {
        ScheduleExpression schedule = ScheduleExpression.parse(expression, zone);

        assertEquals(Optional.of(expected), schedule.latestAtOrBefore(at));
    }

    @Test
    void nextAfter_rateAnchored_countsFromAnchor() {
        Instant anchor = Instant.parse("2026-05-01T00:02:30Z");
        ScheduleExpression rate = ScheduleExpression.parse("rate(5 minutes)").anchoredAt(anchor);

        assertEquals(Optional.of(anchor.plusSeconds(300)), rate.nextAfter(anchor));
        assertEquals(Optional.of(anchor.plusSeconds(600)), rate.nextAfter(anchor.plusSeconds(300)));
        assertEquals(Optional.empty(), rate.latestAtOrBefore(anchor.plusSeconds(299)));
        assertEquals(Optional.of(anchor.plusSeconds(900)), rate.latestAtOrBefore(anchor.plusSeconds(1000)));
    }

    @ParameterizedTest
    @CsvSource({"rate(1 minute), PT1M", "rate(10 minutes), PT10M", "rate(2 hours), PT2H", "rate(1 day), PT24H"})
    void parse_rate_intervalFromValueAndUnit(String expression, String interval) {
        Instant anchor = Instant.parse("2026-01-01T00:00:00Z");

        Optional<Instant> next = ScheduleExpression.parse(expression).anchoredAt(anchor).nextAfter(anchor);

        assertEquals(Optional.of(anchor.plus(java.time.Duration.parse(interval))), next);
    }

    @Test
    void nextAfter_pastAtOrPastYear_empty() {
        Instant now = Instant.parse("2026-05-01T00:00:00Z");

        assertEquals(Optional.empty(), ScheduleExpression.parse("at(2026-04-30T23:59:59)").nextAfter(now));
        assertEquals(Optional.empty(), ScheduleExpression.parse("cron(0 12 1 1 ? 2020)").nextAfter(now));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "cron(0 3 * * * *)", "cron(0 3 ? * ? *)", "cron(0 3 * *)", "cron(60 * * * ? *)", "cron(0 24 * * ? *)",
        "cron(0 3 ? * FOO *)", "cron(0 3 ? * 8 *)", "cron(0 3 32 * ? *)", "cron(0 3 * 13 ? *)",
        "cron(0 3 5-2 * ? *)", "cron(0 3 * * ? 1969)", "cron(? 3 * * ? *)", "cron(0 3 15W * ? *)",
        "rate(0 minutes)", "rate(1 minutes)", "rate(5 minute)", "rate(5 weeks)", "rate(five minutes)",
        "at(2026-13-01T00:00:00)", "at(2026-06-01 09:00)", "every 5 minutes", ""})
    void parse_invalidExpression_throwsWithReason(String expression) {
        IllegalArgumentException thrown =
                assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse(expression));

        assertTrue(thrown.getMessage().startsWith("Invalid schedule expression"), thrown.getMessage());
    }

    @Test
    void parse_unknownTimezone_throws() {
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("cron(0 3 * * ? *)", "Mars/Base"));
    }

    @Test
    void parse_invalidMinute_messageNamesField() {
        IllegalArgumentException thrown =
                assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("cron(61 3 * * ? *)"));

        assertTrue(thrown.getMessage().contains("minute value 61 is outside 0-59"), thrown.getMessage());
    }
}
