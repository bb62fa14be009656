package com.mplifecycle.domain.rfm;

import java.util.Objects;

/** A buyer's raw RFM values with the scores and classes derived from them. */
public record RfmScore(
        int recencyDays,
        int frequency,
        long monetaryFen,
        int rScore,
        int fScore,
        int mScore,
        RfmSegment segment,
        ValueTier valueTier,
        MemberClass memberClass) {

    public RfmScore {
        requireScore(rScore, "rScore");
        requireScore(fScore, "fScore");
        requireScore(mScore, "mScore");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(valueTier, "valueTier");
        Objects.requireNonNull(memberClass, "memberClass");
    }

    public RfmValues values() {
        return new RfmValues(recencyDays, frequency, monetaryFen);
    }

    private static void requireScore(int score, String name) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException(name + " must be 1..5: " + score);
        }
    }
}
