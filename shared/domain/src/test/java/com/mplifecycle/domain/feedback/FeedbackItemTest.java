package com.mplifecycle.domain.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.mplifecycle.domain.event.EventType;
import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.domain.lifecycle.Stage;

class FeedbackItemTest {
    private static final Instant AT = Instant.parse("2026-03-01T04:00:00Z");

    private static TrackedEvent feedback(String eventId, String category, String text) {
        return new TrackedEvent(eventId, EventType.FEEDBACK, AT, Map.of("category", category, "text", text,
                "page", "pages/order/detail"));
    }

    private static FeedbackItem complaint() {
        return FeedbackItem.received("c_1", feedback("e1", "complaint", "<b>late</b>"), Stage.DECLINING).orElseThrow();
    }

    @Test
    void received_feedbackEvent_openItemAsReceivedWithStage() {
        FeedbackItem item = complaint();

        assertEquals(FeedbackCategory.COMPLAINT, item.category());
        assertEquals("<b>late</b>", item.text());
        assertEquals("pages/order/detail", item.page());
        assertEquals(AT, item.receivedAt());
        assertEquals(Stage.DECLINING, item.stage());
        assertEquals(FeedbackStatus.OPEN, item.status());
        assertNull(item.resolvedAt());
        assertTrue(item.feedbackId().matches("\\d{13}-[0-9a-f]{16}"), item.feedbackId());
    }

    @Test
    void received_otherEvent_nothing() {
        TrackedEvent share = new TrackedEvent("e1", EventType.SHARE, AT, Map.of("path", "pages/index"));

        assertTrue(FeedbackItem.received("c_1", share, Stage.NEW).isEmpty());
    }

    @Test
    void feedbackId_sameEventSameId_otherCustomerOtherId() {
        String id = complaint().feedbackId();

        assertEquals(id, FeedbackItem.received("c_1", feedback("e1", "complaint", "<b>late</b>"), Stage.NEW)
                .orElseThrow().feedbackId());
        assertNotEquals(id, FeedbackItem.received("c_2", feedback("e1", "complaint", "<b>late</b>"), Stage.NEW)
                .orElseThrow().feedbackId());
        assertTrue(id.startsWith(String.format("%013d-", AT.toEpochMilli())));
    }

    @Test
    void change_acknowledgeThenResolve_recordedWithTimesAndResolvedAtSetOnce() {
        Instant ack = AT.plus(Duration.ofHours(2));
        Instant resolved = AT.plus(Duration.ofHours(5));

        FeedbackItem item = complaint().change(FeedbackStatus.ACKNOWLEDGED, "looking", ack)
                .change(FeedbackStatus.RESOLVED, null, resolved)
                .change(FeedbackStatus.RESOLVED, "refunded", resolved.plusSeconds(60));

        assertEquals(FeedbackStatus.RESOLVED, item.status());
        assertEquals("refunded", item.note());
        assertEquals(resolved, item.resolvedAt());
        assertEquals(3, item.changes().size());
        assertEquals(new StatusChange(FeedbackStatus.ACKNOWLEDGED, "looking", ack), item.changes().get(0));
    }

    @Test
    void change_backFromResolved_refused() {
        FeedbackItem resolved = complaint().change(FeedbackStatus.RESOLVED, null, AT.plusSeconds(10));

        assertThrows(IllegalArgumentException.class, () -> resolved.change(FeedbackStatus.OPEN, null, AT.plusSeconds(20)));
        assertThrows(IllegalArgumentException.class,
                () -> resolved.change(FeedbackStatus.ACKNOWLEDGED, null, AT.plusSeconds(20)));
    }

    @Test
    void change_manyChanges_onlyTheLatestKept() {
        FeedbackItem item = complaint();
        for (int i = 0; i < FeedbackItem.CHANGES_KEPT + 10; i++) {
            item = item.change(FeedbackStatus.ACKNOWLEDGED, "n" + i, AT.plusSeconds(i));
        }

        assertEquals(FeedbackItem.CHANGES_KEPT, item.changes().size());
        assertEquals("n" + (FeedbackItem.CHANGES_KEPT + 9), item.changes().get(FeedbackItem.CHANGES_KEPT - 1).note());
    }

    @Test
    void allows_onlyResolvedIsFinal() {
        assertTrue(FeedbackStatus.ACKNOWLEDGED.allows(FeedbackStatus.OPEN));
        assertTrue(FeedbackStatus.OPEN.allows(FeedbackStatus.RESOLVED));
        assertTrue(FeedbackStatus.RESOLVED.allows(FeedbackStatus.RESOLVED));
        assertEquals(false, FeedbackStatus.RESOLVED.allows(FeedbackStatus.OPEN));
    }
}
