package com.mplifecycle.domain.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import com.mplifecycle.domain.lifecycle.Stage;

/** Customers per stage after one day's scheduled run ({@code day}: the run's local day, as of which it counted). */
public record StageDay(LocalDate day, Instant ranAt, Map<Stage, Long> counts) {
    public StageDay {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(ranAt, "ranAt");
        EnumMap<Stage, Long> copy = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            copy.put(s, counts == null ? 0L : counts.getOrDefault(s, 0L));
        }
        counts = Collections.unmodifiableMap(copy);
    }
}
