package com.mplifecycle.domain.rfm;

/** A/B/C value tiers by monetary value among buyers; see {@link RfmScorer} for ties. */
public enum ValueTier {
    /** Top 20 % of M. */
    A,
    /** Next 30 % of M. */
    B,
    /** Bottom 50 % of M. */
    C
}
