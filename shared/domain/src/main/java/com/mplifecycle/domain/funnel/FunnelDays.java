package com.mplifecycle.domain.funnel;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.mplifecycle.domain.event.TrackedEvent;

/**
 * One customer's funnel progress per local day, kept on the profile for the customer's last
 * {@value #KEPT_DAYS} days with progress (a stream record is redelivered within 24 h). Advancing is
 * idempotent, as {@link FunnelProgress#advance} is: a redelivered event reaches nothing new. Events
 * of a day older than the days kept count nothing: their progress could not be kept, so a
 * redelivery would count them twice.
 */
public record FunnelDays(SortedMap<LocalDate, FunnelProgress> days) {
    public static final int KEPT_DAYS = 8;
    public static final FunnelDays NONE = new FunnelDays(new TreeMap<>());

    /** The days after some events, and the steps the events newly reached on each day. */
    public record Advance(FunnelDays after, Map<LocalDate, List<FunnelStep>> reached) {
        public Advance {
            reached = Collections.unmodifiableMap(new TreeMap<>(reached));
        }
    }

    public FunnelDays {
        days = Collections.unmodifiableSortedMap(new TreeMap<>(days == null ? Map.of() : days));
    }

    /** Advances each local day (in {@code zone}) by its events and keeps the last {@value #KEPT_DAYS} days. */
    public Advance advance(List<TrackedEvent> events, ZoneId zone) {
        TreeMap<LocalDate, List<TrackedEvent>> byDay = new TreeMap<>();
        for (TrackedEvent e : events) {
            byDay.computeIfAbsent(LocalDate.ofInstant(e.ts(), zone), d -> new ArrayList<>()).add(e);
        }
        TreeMap<LocalDate, FunnelProgress> next = new TreeMap<>(days);
        LocalDate newest = byDay.isEmpty() ? null : byDay.lastKey();
        if (!days.isEmpty() && (newest == null || days.lastKey().isAfter(newest))) {
            newest = days.lastKey();
        }
        LocalDate firstKept = newest == null ? null : newest.minusDays(KEPT_DAYS - 1);
        TreeMap<LocalDate, List<FunnelStep>> reached = new TreeMap<>();
        byDay.tailMap(firstKept == null ? LocalDate.MIN : firstKept).forEach((day, ofDay) -> {
            FunnelProgress before = next.getOrDefault(day, FunnelProgress.NONE);
            FunnelProgress after = before.advance(ofDay);
            if (after.reached() > before.reached()) {
                next.put(day, after);
                reached.put(day, before.newlyReached(after));
            }
        });
        if (firstKept != null) {
            next.headMap(firstKept).clear();
        }
        return new Advance(new FunnelDays(next), reached);
    }
}
