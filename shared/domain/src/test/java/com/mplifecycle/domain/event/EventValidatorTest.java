package com.mplifecycle.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventValidatorTest {
    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    private final EventValidator validator = new EventValidator(Clock.fixed(NOW, ZoneOffset.UTC));

    private static Map<String, Object> event(String id, String type, Object ts, Map<String, Object> props) {
        Map<String, Object> e = new HashMap<>();
        e.put("eventId", id);
        e.put("type", type);
        e.put("ts", ts);
        e.put("props", props);
        return e;
    }

    private String reasonOf(Map<String, Object> e) {
        EventDecision d = validator.validate(List.of(e)).get(0);
        return d instanceof EventDecision.Rejected r ? r.reason() : "accepted";
    }

    @Test
    void validate_validOrder_acceptedWithNormalisedProps() {
        EventDecision d = validator.validate(List.of(event("e1", "order_paid", NOW.toEpochMilli(),
                Map.of("orderId", "o1", "amountFen", 1999, "junk", "dropped")))).get(0);

        TrackedEvent e = assertInstanceOf(EventDecision.Accepted.class, d).event();
        assertEquals(EventType.ORDER_PAID, e.type());
        assertEquals(Map.of("orderId", "o1", "amountFen", 1999L), e.props());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown type        | nope         | unknown event type",
        "missing field       | order_paid   | props.amountFen is required",
    })
    void validate_badTypeOrMissingField_rejectedWithReason(String name, String type, String reason) {
        assertEquals(reason, reasonOf(event("e1", type, NOW.toEpochMilli(), Map.of("orderId", "o1"))));
    }

    @Test
    void validate_wrongTypes_rejectedWithReasons() {
        assertEquals("props.amountFen must be an integer",
                reasonOf(event("e1", "order_paid", NOW.toEpochMilli(), Map.of("orderId", "o1", "amountFen", "12"))));
        assertEquals("props.amountFen must be an integer within range",
                reasonOf(event("e1", "order_paid", NOW.toEpochMilli(), Map.of("orderId", "o1", "amountFen", 1.5))));
        assertEquals("props.amountFen must be an integer within range", reasonOf(event("e1", "order_paid",
                NOW.toEpochMilli(), Map.of("orderId", "o1", "amountFen", new BigInteger("99999999999999999999")))));
        assertEquals("ts must be an integer (epoch milliseconds)", reasonOf(event("e1", "app_show", "now",
                Map.of("scene", 1001))));
        assertEquals("props.category must be one of bug, complaint, suggestion", reasonOf(event("e1", "feedback",
                NOW.toEpochMilli(), Map.of("category", "rant", "text", "x"))));
        assertEquals("props.date must be a date yyyy-MM-dd", reasonOf(event("e1", "check_in", NOW.toEpochMilli(),
                Map.of("date", "2026-02-30"))));
        assertEquals("props.path must not contain control characters", reasonOf(event("e1", "page_view",
                NOW.toEpochMilli(), Map.of("path", "a\u0000b"))));
    }

    @Test
    void validate_timestampLimits_futureOver24hAndOlderThan30DaysRejected() {
        assertEquals("ts is more than 24 hours in the future", reasonOf(event("e1", "app_show",
                NOW.plus(Duration.ofHours(25)).toEpochMilli(), Map.of("scene", 1))));
        assertEquals("ts is older than 30 days", reasonOf(event("e1", "app_show",
                NOW.minus(Duration.ofDays(31)).toEpochMilli(), Map.of("scene", 1))));
        assertEquals("accepted", reasonOf(event("e1", "app_show",
                NOW.minus(Duration.ofDays(29)).toEpochMilli(), Map.of("scene", 1))));
    }

    @Test
    void validate_duplicateAndEmptyIds_rejectedOthersAccepted() {
        List<EventDecision> d = validator.validate(List.of(
                event("same", "app_show", NOW.toEpochMilli(), Map.of("scene", 1)),
                event("same", "app_show", NOW.toEpochMilli(), Map.of("scene", 2)),
                event("", "app_show", NOW.toEpochMilli(), Map.of("scene", 3)),
                "not an object"));

        assertInstanceOf(EventDecision.Accepted.class, d.get(0));
        assertEquals("duplicate eventId in this batch", ((EventDecision.Rejected) d.get(1)).reason());
        assertEquals(2, d.get(2).index());
        assertInstanceOf(EventDecision.Rejected.class, d.get(2));
        assertEquals("event must be a JSON object", ((EventDecision.Rejected) d.get(3)).reason());
    }

    @Test
    void validate_subscribeResult_onlyKnownOutcomes() {
        assertEquals("accepted", reasonOf(event("e1", "subscribe_result", NOW.toEpochMilli(),
                Map.of("results", Map.of("tplA", "accept", "tplB", "reject")))));
        assertEquals("props.results must be one of accept, ban, filter, reject", reasonOf(event("e1",
                "subscribe_result", NOW.toEpochMilli(), Map.of("results", Map.of("tplA", "yes")))));
    }
}
