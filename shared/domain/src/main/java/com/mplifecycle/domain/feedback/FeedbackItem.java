package com.mplifecycle.domain.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.mplifecycle.domain.event.EventType;
import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.domain.lifecycle.Stage;

/**
 * One item of an app's feedback inbox: a customer's {@code feedback} event as received, with the
 * stage the customer was in then, and the operators' handling ({@code status}, {@code note},
 * {@code changes}, {@code resolvedAt}). {@code text} is the customer's, kept exactly as the event
 * schema accepted it (at most 2,000 characters): data to show as text, never markup.
 *
 * <p>{@code feedbackId} follows from the event (its time, then a digest of customer and event id), so
 * a redelivered or retried event names the same item, and ids sort by time.
 */
public record FeedbackItem(String feedbackId, String customerId, FeedbackCategory category, String text,
                           String page, Instant receivedAt, Stage stage, FeedbackStatus status, String note,
                           Instant resolvedAt, List<StatusChange> changes) {
    /** Longest operator note. */
    public static final int NOTE_MAX = 2_000;
    /** Changes kept per item (the latest), so that an item stays far below DynamoDB's 400 KB. */
    public static final int CHANGES_KEPT = 50;

    public FeedbackItem {
        Objects.requireNonNull(feedbackId, "feedbackId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(status, "status");
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** The inbox item of a validated {@code feedback} event; empty for any other event. */
    public static Optional<FeedbackItem> received(String customerId, TrackedEvent event, Stage stage) {
        if (event.type() != EventType.FEEDBACK) {
            return Optional.empty();
        }
        FeedbackCategory category = FeedbackCategory.fromWireName(event.string("category"))
                .orElseThrow(() -> new IllegalArgumentException("feedback category not in the schema"));
        return Optional.of(new FeedbackItem(idOf(customerId, event), customerId, category, event.string("text"),
                event.has("page") ? event.string("page") : null, event.ts(), stage, FeedbackStatus.OPEN, null, null,
                List.of()));
    }

    /** {@code {13-digit epoch ms}-{16 hex}}: sortable by time, the same for the same event of the same customer. */
    static String idOf(String customerId, TrackedEvent event) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((customerId + "\n" + event.eventId()).getBytes(StandardCharsets.UTF_8));
            return String.format("%013d-%s", event.ts().toEpochMilli(), HexFormat.of().formatHex(digest, 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }

    /**
     * The item after an operator set {@code next} (with {@code note}, which replaces the note when
     * given) at {@code now}: the change is recorded; {@code resolvedAt} is the first resolution.
     *
     * @throws IllegalArgumentException for a step back from resolved or a note that is too long
     */
    public FeedbackItem change(FeedbackStatus next, String note, Instant now) {
        if (!status.allows(next)) {
            throw new IllegalArgumentException("a resolved item cannot go back to " + next.wireName());
        }
        if (note != null && note.length() > NOTE_MAX) {
            throw new IllegalArgumentException("note must be at most " + NOTE_MAX + " characters");
        }
        List<StatusChange> history = new ArrayList<>(changes);
        history.add(new StatusChange(next, note, now));
        if (history.size() > CHANGES_KEPT) {
            history = history.subList(history.size() - CHANGES_KEPT, history.size());
        }
        Instant resolved = resolvedAt != null ? resolvedAt : next == FeedbackStatus.RESOLVED ? now : null;
        return new FeedbackItem(feedbackId, customerId, category, text, page, receivedAt, stage, next,
                note == null ? this.note : note, resolved, history);
    }

    public boolean isComplaint() {
        return category == FeedbackCategory.COMPLAINT;
    }
}
