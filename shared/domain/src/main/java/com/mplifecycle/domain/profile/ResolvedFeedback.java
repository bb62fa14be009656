package com.mplifecycle.domain.profile;

import java.time.Instant;
import java.util.Objects;

/**
 * The customer's feedback an operator resolved last, and when: what the {@code feedback_resolved}
 * campaign trigger reads (one occurrence per feedback id).
 */
public record ResolvedFeedback(String feedbackId, Instant resolvedAt) {
    public ResolvedFeedback {
        Objects.requireNonNull(feedbackId, "feedbackId");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
    }
}
