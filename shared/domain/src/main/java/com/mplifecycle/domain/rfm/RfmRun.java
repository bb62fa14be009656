package com.mplifecycle.domain.rfm;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.mplifecycle.domain.churn.BgNbdParameters;
import com.mplifecycle.domain.lifecycle.Stage;

/**
 * What one full scheduled RFM/churn run found for one app: when it ran and for which local day,
 * the pass-1 means over buyers, the fitted BG/NBD parameters (null when too few buyers), the
 * customers per segment and per stage after decay, and the pass-1 statistics every customer's
 * scores follow from until the next run ({@code statistics}; a few KB whatever the number of
 * customers). Means are null when there were no buyers.
 */
public record RfmRun(String appId, Instant ranAt, LocalDate asOf, int windowDays, long customers, long buyers,
                     Double meanRecencyDays, Double meanFrequency, Double meanMonetaryFen,
                     BgNbdParameters bgNbdParameters, Map<RfmSegment, Long> segmentCounts,
                     Map<Stage, Long> stageCounts, RfmStatisticsSnapshot statistics) {
    public RfmRun {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(ranAt, "ranAt");
        Objects.requireNonNull(asOf, "asOf");
        segmentCounts = complete(RfmSegment.class, segmentCounts);
        stageCounts = complete(Stage.class, stageCounts);
    }

    public Optional<BgNbdParameters> churnModel() {
        return Optional.ofNullable(bgNbdParameters);
    }

    private static <E extends Enum<E>> Map<E, Long> complete(Class<E> type, Map<E, Long> counts) {
        EnumMap<E, Long> copy = new EnumMap<>(type);
        for (E constant : type.getEnumConstants()) {
            copy.put(constant, counts == null ? 0L : counts.getOrDefault(constant, 0L));
        }
        return Collections.unmodifiableMap(copy);
    }
}
