package com.mplifecycle.domain.campaign;

import java.util.Set;

import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.CustomerScores;
import com.mplifecycle.domain.rfm.RfmSegment;

/** Who a campaign may reach: customers in one of {@code stages} and one of {@code segments}; empty means any. */
public record Audience(Set<Stage> stages, Set<RfmSegment> segments) {
    public static final Audience EVERYONE = new Audience(Set.of(), Set.of());

    public Audience {
        stages = stages == null ? Set.of() : Set.copyOf(stages);
        segments = segments == null ? Set.of() : Set.copyOf(segments);
    }

    /** Whether {@code p} is in the audience as far as its profile tells (the stage; segments need the scores). */
    public boolean mayInclude(CustomerProfile p) {
        return stages.isEmpty() || p.stage() != null && stages.contains(p.stage());
    }

    /** Whether {@code p} is in the audience; {@code scores} (the app's last run) give the segment. */
    public boolean includes(CustomerProfile p, CustomerScores scores) {
        return mayInclude(p) && (segments.isEmpty() || scores.rfm(p).filter(r -> segments.contains(r.segment())).isPresent());
    }
}
