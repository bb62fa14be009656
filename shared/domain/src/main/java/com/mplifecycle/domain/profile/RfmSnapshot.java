package com.mplifecycle.domain.profile;

import java.time.Instant;
import java.util.Objects;

import com.mplifecycle.domain.rfm.MemberClass;
import com.mplifecycle.domain.rfm.RfmScore;
import com.mplifecycle.domain.rfm.RfmSegment;
import com.mplifecycle.domain.rfm.ValueTier;

/**
 * A customer's RFM scores as of the app's last scheduled run (docs/product.md, RFM): raw values over the 365-day
 * window ending on the run's day, quintile scores, the 8-cell segment, the A/B/C tier and the
 * member class. Derived on read by {@link CustomerScores}, never stored.
 */
public record RfmSnapshot(int recencyDays, int frequency, long monetaryFen, int rScore, int fScore, int mScore,
                          RfmSegment segment, ValueTier valueTier, MemberClass memberClass, Instant computedAt) {
    public RfmSnapshot {
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(valueTier, "valueTier");
        Objects.requireNonNull(memberClass, "memberClass");
        Objects.requireNonNull(computedAt, "computedAt");
    }

    /** Days from the last paid order to {@code today}, as the scores were computed. */
    public static int recencyDaysOn(java.time.LocalDate lastOrderDay, java.time.LocalDate today) {
        return (int) Math.max(0, today.toEpochDay() - lastOrderDay.toEpochDay());
    }

    public static RfmSnapshot of(RfmScore score, Instant computedAt) {
        return new RfmSnapshot(score.recencyDays(), score.frequency(), score.monetaryFen(), score.rScore(),
                score.fScore(), score.mScore(), score.segment(), score.valueTier(), score.memberClass(), computedAt);
    }
}
