package com.mplifecycle.functions.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.mplifecycle.aws.http.ApiResponse;
import com.mplifecycle.aws.http.ApiResponses;
import com.mplifecycle.aws.http.BadRequestException;
import com.mplifecycle.aws.http.JsonBody;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.FeedbackStore;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.aws.store.StoredCustomer;
import com.mplifecycle.domain.feedback.FeedbackCategory;
import com.mplifecycle.domain.feedback.FeedbackItem;
import com.mplifecycle.domain.feedback.FeedbackStatistics;
import com.mplifecycle.domain.feedback.FeedbackStatus;
import com.mplifecycle.domain.feedback.StatusChange;
import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.ResolvedFeedback;
import com.mplifecycle.domain.rfm.RfmRun;

/**
 * The feedback inbox: {@code GET /v1/apps/{appId}/feedback} (newest first, paged, filtered),
 * {@code PATCH /v1/apps/{appId}/feedback/{feedbackId}} (status and note; never back from resolved) and
 * {@code GET /v1/apps/{appId}/stats/feedback}. A resolution is also noted on the customer's profile,
 * where the {@code feedback_resolved} campaign trigger finds it. Texts and notes are answered as JSON
 * strings, exactly as stored.
 */
final class FeedbackRoutes {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;
    static final int MAX_BODY_BYTES = 8 * 1024;
    static final int WRITE_ATTEMPTS = 4;
    private static final Pattern FEEDBACK_ID = Pattern.compile("\\d{13}-[0-9a-f]{16}");

    private final FeedbackStore inbox;
    private final ProfileStore profiles;
    private final AppStore apps;
    private final Clock clock;

    FeedbackRoutes(FeedbackStore inbox, ProfileStore profiles, AppStore apps, Clock clock) {
        this.inbox = inbox;
        this.profiles = profiles;
        this.apps = apps;
        this.clock = clock;
    }

    ApiResponse list(AdminRequest request) {
        ZoneId zone = apps.settingsOrDefaults(request.appId()).timeZone();
        FeedbackStatus status = request.query("status").map(s -> FeedbackStatus.fromWireName(s)
                .orElseThrow(() -> new InvalidFieldException("status", "must be one of open, acknowledged, resolved")))
                .orElse(null);
        FeedbackCategory category = request.query("category").map(c -> FeedbackCategory.fromWireName(c)
                .orElseThrow(() -> new InvalidFieldException("category", "must be one of bug, suggestion, complaint")))
                .orElse(null);
        Optional<LocalDate> from = request.query("from").map(d -> DateRange.day("from", d));
        Optional<LocalDate> to = request.query("to").map(d -> DateRange.day("to", d));
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw new InvalidFieldException("to", "must not be before from");
        }
        String cursor = request.query("cursor").orElse(null);
        if (cursor != null && !FEEDBACK_ID.matcher(cursor).matches()) {
            throw new InvalidFieldException("cursor", "is not a cursor this route gave");
        }
        int limit = request.limit(DEFAULT_LIMIT, MAX_LIMIT);
        FeedbackStore.Page page = inbox.list(request.appId(), new FeedbackStore.Filter(status, category,
                from.map(d -> d.atStartOfDay(zone).toInstant()).orElse(null),
                to.map(d -> d.plusDays(1).atStartOfDay(zone).toInstant()).orElse(null)), cursor, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("appId", request.appId());
        body.put("items", page.items().stream().map(FeedbackRoutes::view).toList());
        body.put("cursor", page.cursor());
        return ApiResponses.json(200, body);
    }

    ApiResponse patch(AdminRequest request) {
        String feedbackId = request.id("feedbackId");
        Map<String, Object> json = JsonBody.object(request.http().body(), MAX_BODY_BYTES, "{\"status\",\"note\"}");
        Object rawStatus = json.get("status");
        Object rawNote = json.get("note");
        if (rawStatus == null && rawNote == null) {
            throw new InvalidFieldException("status", "status or note is required");
        }
        FeedbackStatus next = null;
        if (rawStatus != null) {
            next = rawStatus instanceof String s ? FeedbackStatus.fromWireName(s).orElse(null) : null;
            if (next == null) {
                throw new InvalidFieldException("status", "must be one of open, acknowledged, resolved");
            }
        }
        if (rawNote != null && !(rawNote instanceof String)) {
            throw new InvalidFieldException("note", "must be a string");
        }
        String note = (String) rawNote;
        if (note != null && note.length() > FeedbackItem.NOTE_MAX) {
            throw new InvalidFieldException("note", "must be at most " + FeedbackItem.NOTE_MAX + " characters");
        }
        for (int attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
            Optional<FeedbackItem> before = FEEDBACK_ID.matcher(feedbackId).matches()
                    ? inbox.get(request.appId(), feedbackId) : Optional.empty();
            if (before.isEmpty()) {
                return ApiResponses.error(404, "no such feedback", request.requestId());
            }
            FeedbackStatus target = next == null ? before.get().status() : next;
            if (!before.get().status().allows(target)) {
                throw new InvalidFieldException("status", "a resolved item cannot go back to " + target.wireName());
            }
            FeedbackItem after = before.get().change(target, note, clock.instant());
            if (inbox.update(request.appId(), before.get(), after)) {
                if (after.resolvedAt() != null) {
                    noteResolution(request.appId(), after);
                }
                return ApiResponses.json(200, view(after));
            }
        }
        return ApiResponses.error(409, "the item kept changing; try again", request.requestId());
    }

    ApiResponse stats(AdminRequest request) {
        DateRange range = DateRange.of(request);
        ZoneId zone = apps.settingsOrDefaults(request.appId()).timeZone();
        Instant now = clock.instant();
        List<FeedbackItem> items = inbox.all(request.appId(), range.from().atStartOfDay(zone).toInstant(),
                range.to().plusDays(1).atStartOfDay(zone).toInstant());
        Optional<RfmRun> run = apps.rfmRun(request.appId());
        Map<Stage, Long> customers = run.map(RfmRun::stageCounts).orElse(Map.of());
        FeedbackStatistics s = FeedbackStatistics.of(items, customers, now);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("appId", request.appId());
        body.put("from", range.from().toString());
        body.put("to", range.to().toString());
        body.put("total", items.size());
        Map<String, Object> byCategory = new LinkedHashMap<>();
        s.byCategory().forEach((c, n) -> byCategory.put(c.wireName(), n));
        body.put("byCategory", byCategory);
        Map<String, Object> byStatus = new LinkedHashMap<>();
        s.byStatus().forEach((st, n) -> byStatus.put(st.wireName(), n));
        body.put("byStatus", byStatus);
        Map<String, Object> complaints = new LinkedHashMap<>();
        complaints.put("medianHoursToResolve", s.complaintMedianHours());
        complaints.put("p90HoursToResolve", s.complaintP90Hours());
        complaints.put("openOlderThan48h", s.overdueOpenComplaints());
        body.put("complaints", complaints);
        List<Map<String, Object>> stages = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("stage", stage.name());
            row.put("feedback", s.byStage().get(stage));
            row.put("customers", customers.getOrDefault(stage, 0L));
            row.put("perThousandCustomers", s.perThousandCustomers().get(stage));
            stages.add(row);
        }
        body.put("byStage", stages);
        body.put("computedAt", Computed.of(Computed.STREAM, now));
        body.put("customersComputedAt", Computed.of(Computed.SCHEDULED_RUN, run.map(RfmRun::ranAt).orElse(null)));
        return ApiResponses.json(200, body);
    }

    /**
     * Notes the resolution on the profile (conditional on the version read), unless a later one is
     * there already; the customer may be gone (erased), then there is nobody to tell.
     */
    private void noteResolution(String appId, FeedbackItem item) {
        for (int attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
            Optional<StoredCustomer> stored = profiles.loadForFold(appId, item.customerId());
            if (stored.isEmpty() || stored.get().profile().isEmpty()) {
                return;
            }
            CustomerProfile p = stored.get().profile();
            ResolvedFeedback last = p.lastResolvedFeedback();
            if (last != null && (last.feedbackId().equals(item.feedbackId()) || last.resolvedAt().isAfter(item.resolvedAt()))) {
                return;
            }
            CustomerProfile marked = p.toBuilder()
                    .lastResolvedFeedback(new ResolvedFeedback(item.feedbackId(), item.resolvedAt())).build();
            if (profiles.save(marked, stored.get().erasedAt()).isPresent()) {
                return;
            }
        }
        throw new BadRequestException(503, "the customer's profile kept changing; repeat the request");
    }

    static Map<String, Object> view(FeedbackItem item) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("feedbackId", item.feedbackId());
        v.put("customerId", item.customerId());
        v.put("category", item.category().wireName());
        v.put("text", item.text());
        v.put("page", item.page());
        v.put("receivedAt", item.receivedAt().toString());
        v.put("stage", item.stage() == null ? null : item.stage().name());
        v.put("status", item.status().wireName());
        v.put("note", item.note());
        v.put("resolvedAt", item.resolvedAt() == null ? null : item.resolvedAt().toString());
        List<Map<String, Object>> changes = new ArrayList<>();
        for (StatusChange c : item.changes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", c.status().wireName());
            m.put("note", c.note());
            m.put("at", c.at().toString());
            changes.add(m);
        }
        v.put("changes", changes);
        return v;
    }
}
