package com.mplifecycle.domain.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.mplifecycle.domain.event.EventType;
import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.domain.lifecycle.Stage;

class FeedbackStatisticsTest {
    private static final Instant NOW = Instant.parse("2026-03-10T04:00:00Z");

    private static FeedbackItem item(String id, String category, Stage stage, Instant at) {
        return FeedbackItem.received("c_" + id, new TrackedEvent(id, EventType.FEEDBACK, at,
                Map.of("category", category, "text", "t")), stage).orElseThrow();
    }

    private static FeedbackItem resolvedAfter(FeedbackItem item, int hours) {
        return item.change(FeedbackStatus.RESOLVED, null, item.receivedAt().plus(Duration.ofHours(hours)));
    }

    @Test
    void of_mixedInbox_countsRatesAndResolutionTimes() {
        Instant day = NOW.minus(Duration.ofDays(5));
        List<FeedbackItem> items = List.of(
                resolvedAfter(item("1", "complaint", Stage.DECLINING, day), 2),
                resolvedAfter(item("2", "complaint", Stage.DECLINING, day), 10),
                resolvedAfter(item("3", "complaint", Stage.MATURE, day), 30),
                item("4", "complaint", Stage.DECLINING, NOW.minus(Duration.ofHours(49))),
                item("5", "complaint", Stage.NEW, NOW.minus(Duration.ofHours(47))),
                item("6", "complaint", Stage.NEW, day).change(FeedbackStatus.ACKNOWLEDGED, null, day.plusSeconds(60)),
                item("7", "bug", Stage.NEW, day),
                resolvedAfter(item("8", "suggestion", Stage.GROWING, day), 100));

        FeedbackStatistics s = FeedbackStatistics.of(items, Map.of(Stage.DECLINING, 200L, Stage.NEW, 1000L), NOW);

        assertEquals(Map.of(FeedbackCategory.BUG, 1L, FeedbackCategory.SUGGESTION, 1L, FeedbackCategory.COMPLAINT, 6L),
                s.byCategory());
        assertEquals(Map.of(FeedbackStatus.OPEN, 3L, FeedbackStatus.ACKNOWLEDGED, 1L, FeedbackStatus.RESOLVED, 4L),
                s.byStatus());
        assertEquals(10.0, s.complaintMedianHours());
        assertEquals(30.0, s.complaintP90Hours());
        assertEquals(1, s.overdueOpenComplaints());
        assertEquals(3L, s.byStage().get(Stage.DECLINING));
        assertEquals(15.0, s.perThousandCustomers().get(Stage.DECLINING));
        assertEquals(3.0, s.perThousandCustomers().get(Stage.NEW));
        assertNull(s.perThousandCustomers().get(Stage.GROWING));
    }

    @Test
    void of_noComplaintResolved_noTimes() {
        FeedbackStatistics s = FeedbackStatistics.of(List.of(item("1", "bug", Stage.NEW, NOW)), Map.of(), NOW);

        assertNull(s.complaintMedianHours());
        assertNull(s.complaintP90Hours());
        assertEquals(0, s.overdueOpenComplaints());
    }

    @Test
    void percentile_nearestRank() {
        List<Double> sorted = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);

        assertEquals(5.0, FeedbackStatistics.percentile(sorted, 50));
        assertEquals(9.0, FeedbackStatistics.percentile(sorted, 90));
        assertEquals(1.0, FeedbackStatistics.percentile(List.of(1.0), 90));
    }
}
