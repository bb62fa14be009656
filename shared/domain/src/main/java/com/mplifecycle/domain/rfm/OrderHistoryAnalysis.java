package com.mplifecycle.domain.rfm;

import com.mplifecycle.domain.churn.BgNbdParameters;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link OrderHistoryAnalyzer} found in an order history. Count maps hold every constant
 * of their enum, zero when no buyer fell there.
 *
 * @param buyers          customers with a paid order in the window
 * @param bgNbdParameters the BG/NBD fit in weeks, or {@code null} when there were too few
 *                        buyers or repeat buyers to fit (see {@code BgNbdModel})
 */
public record OrderHistoryAnalysis(
        LocalDate asOf,
        int windowDays,
        long buyers,
        double meanRecencyDays,
        double meanFrequency,
        double meanMonetaryFen,
        Map<RfmSegment, Long> segmentCounts,
        Map<ValueTier, Long> valueTierCounts,
        Map<MemberClass, Long> memberClassCounts,
        BgNbdParameters bgNbdParameters) {

    public OrderHistoryAnalysis {
        Objects.requireNonNull(asOf, "asOf");
        segmentCounts = complete(RfmSegment.class, segmentCounts);
        valueTierCounts = complete(ValueTier.class, valueTierCounts);
        memberClassCounts = complete(MemberClass.class, memberClassCounts);
    }

    public Optional<BgNbdParameters> churnModel() {
        return Optional.ofNullable(bgNbdParameters);
    }

    private static <E extends Enum<E>> Map<E, Long> complete(Class<E> type, Map<E, Long> counts) {
        EnumMap<E, Long> copy = new EnumMap<>(type);
        for (E constant : type.getEnumConstants()) {
            copy.put(constant, counts.getOrDefault(constant, 0L));
        }
        return Collections.unmodifiableMap(copy);
    }
}
