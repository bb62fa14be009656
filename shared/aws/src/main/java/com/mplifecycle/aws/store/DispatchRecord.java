package com.mplifecycle.aws.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One (campaign, customer, occurrence) decision of the dispatch table and where it stands.
 *
 * @param status where the decision stands (see {@link Status})
 * @param at when it was decided
 * @param variant the variant id, or null
 * @param templateId the WeChat template (also for holdout and skips, for statistics)
 * @param grantId the credit a send spent, or null
 * @param page the card's page for a send, or null
 * @param data the rendered keyword values of a send (not the openid), for a retry; empty otherwise
 * @param reason why skipped or failed, or null
 * @param errcode WeChat's errcode of the last failure, or 0
 * @param msgid WeChat's message id of a send, or 0
 * @param attempts send attempts so far
 * @param dueAt when a {@link Status#RETRY} is due, or null
 */
public record DispatchRecord(String appId, String customerId, String campaignId, String occurrence, Status status,
                             Instant at, String variant, String templateId, String grantId, String page,
                             Map<String, String> data, String reason, int errcode, long msgid, int attempts,
                             Instant dueAt) {
    /** Where a decision stands. Only SENDING and RETRY change later. */
    public enum Status {
        /** Claimed and being sent; stays so if the sender died mid-call, and is then never sent again. */
        SENDING,
        /** WeChat accepted the message ({@code msgid}). */
        SENT,
        /**
         * Sent again after {@code dueAt}: WeChat was busy or over quota (-1, 45009, 45011, 43108), or the
         * app's WeChat credentials were not in the secret yet ({@code no_credentials}).
         */
        RETRY,
        /** WeChat refused ({@code errcode}) or the retries ran out. */
        FAILED,
        /** WeChat's answer was lost (timeout, network): it may or may not have been sent; never resent. */
        UNKNOWN,
        /** In the holdout group: counted, not sent. */
        HOLDOUT,
        /** Due but not pushed ({@code reason}). */
        SKIPPED
    }

    public DispatchRecord {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(occurrence, "occurrence");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    /** This record moved to {@code next}, with the outcome's details (the rest kept). */
    public DispatchRecord moved(Status next, int newErrcode, long newMsgid, String newReason, Instant newDueAt) {
        return new DispatchRecord(appId, customerId, campaignId, occurrence, next, at, variant, templateId, grantId,
                page, data, newReason, newErrcode, newMsgid, attempts, newDueAt);
    }

    /** This record taken for one more send attempt. */
    public DispatchRecord nextAttempt() {
        return new DispatchRecord(appId, customerId, campaignId, occurrence, Status.SENDING, at, variant, templateId,
                grantId, page, data, reason, errcode, msgid, attempts + 1, null);
    }

    public String sortKey() {
        return TableKeys.dispatch(campaignId, occurrence);
    }
}
