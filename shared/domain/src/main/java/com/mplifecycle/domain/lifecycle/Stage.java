package com.mplifecycle.domain.lifecycle;

/** Where a customer stands in their lifecycle. */
public enum Stage {
    /** First seen recently, not yet growing (引入期). */
    NEW,
    /** Coming back or has bought once (成长期). */
    GROWING,
    /** A repeat buyer or a very regular visitor (成熟期). */
    MATURE,
    /** Was growing or mature and has gone quiet (衰退期). */
    DECLINING,
    /** Gone: inactive for a long time (流失期). */
    CHURNED;

    /** Activity from these stages is a reactivation. */
    public boolean isLapsed() {
        return this == DECLINING || this == CHURNED;
    }
}
