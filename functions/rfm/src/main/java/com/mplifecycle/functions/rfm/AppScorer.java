package com.mplifecycle.functions.rfm;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongArray;

import com.mplifecycle.aws.store.ModelPart;
import com.mplifecycle.aws.store.ScorePart;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.churn.BgNbdModel;
import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.lifecycle.StageChange;
import com.mplifecycle.domain.lifecycle.StageRules;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.CustomerScores;
import com.mplifecycle.domain.rfm.RfmRun;
import com.mplifecycle.domain.rfm.RfmSegment;
import com.mplifecycle.domain.rfm.RfmStatisticsSnapshot;
import com.mplifecycle.domain.rfm.RfmWindow;
import com.mplifecycle.domain.stats.CustomerStatistics;

/**
 * Pass 2 for one app: each profile's scores against the frozen pass-1 statistics and the fitted
 * churn model ({@link CustomerScores}, the same derivation readers use), its decay, and the
 * resulting segments and stages counted for the run record. Scores are not stored on profiles, so
 * a profile changes only when it decays. {@link #rescore} is pure; the counters are thread-safe.
 */
final class AppScorer {
    /** A profile after pass 2; {@code changed} is false when its stage stays as stored. */
    record Rescored(CustomerProfile profile, Optional<StageChange> decay, boolean changed) {
    }

    private final AppSettings settings;
    private final Instant now;
    private final RfmWindow window;
    private final long customers;
    private final RfmStatisticsSnapshot statistics;
    private final Optional<BgNbdModel> model;
    private final CustomerScores scores;
    private final StageRules rules;
    private final AtomicLongArray segmentCounts = new AtomicLongArray(RfmSegment.values().length);
    private final AtomicLongArray stageCounts = new AtomicLongArray(Stage.values().length);
    private final CustomerStatisticsTally customerStatistics;

    /** The scorer of a fanned-out run's score invocations, from the merged pass-1 result. */
    static AppScorer of(AppSettings settings, Instant now, ModelPart merged) {
        return new AppScorer(settings, now, RfmWindow.endingOn(LocalDate.ofInstant(now, settings.timeZone())),
                merged.customers(), merged.statistics(), Optional.ofNullable(merged.model()).map(BgNbdModel::of));
    }

    AppScorer(AppSettings settings, Instant now, RfmWindow window, long customers, RfmStatisticsSnapshot statistics,
              Optional<BgNbdModel> model) {
        this.settings = settings;
        this.now = now;
        this.window = window;
        this.customers = customers;
        this.statistics = statistics;
        this.model = model;
        this.scores = CustomerScores.of(settings.timeZone(), window, statistics, model, now);
        this.rules = new StageRules(settings.lifecycle());
        this.customerStatistics = new CustomerStatisticsTally(settings, now);
    }

    Rescored rescore(CustomerProfile p) {
        Optional<StageChange> decay = rules.decay(p, now, scores.pAliveForDecay(p));
        if (decay.isEmpty()) {
            return new Rescored(p, decay, false);
        }
        return new Rescored(p.toBuilder().stage(decay.get().to(), decay.get().at()).build(), decay, true);
    }

    /** Counts a profile's final segment, stage, retention cohort and repurchase for the run's records. */
    void count(CustomerProfile p) {
        customerStatistics.add(p);
        scores.rfm(p).ifPresent(r -> segmentCounts.incrementAndGet(r.segment().ordinal()));
        if (p.stage() != null) {
            stageCounts.incrementAndGet(p.stage().ordinal());
        }
    }
    /** Adds the counts another invocation made over its slice. */
    void add(ScorePart part) {
        part.segmentCounts().forEach((segment, n) -> segmentCounts.addAndGet(segment.ordinal(), n));
        part.stages().forEach((stage, n) -> stageCounts.addAndGet(stage.ordinal(), n));
    }

    ModelPart model() {
        return new ModelPart(settings.appId(), customers, statistics, model.map(BgNbdModel::parameters).orElse(null));
    }

    ScorePart counts() {
        RfmRun run = run();
        return new ScorePart(settings.appId(), run.segmentCounts(), run.stageCounts(), customerStatistics());
    }

    long buyers() {
        return statistics.buyers();
    }

    boolean fitted() {
        return model.isPresent();
    }

    RfmRun run() {
        Map<RfmSegment, Long> segments = new EnumMap<>(RfmSegment.class);
        for (RfmSegment s : RfmSegment.values()) {
            segments.put(s, segmentCounts.get(s.ordinal()));
        }
        Map<Stage, Long> stages = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            stages.put(s, stageCounts.get(s.ordinal()));
        }
        boolean any = statistics.buyers() > 0;
        return new RfmRun(settings.appId(), now, window.asOf(), window.days(), customers, statistics.buyers(),
                any ? statistics.meanRecencyDays() : null, any ? statistics.meanFrequency() : null,
                any ? statistics.meanMonetaryFen() : null, model.map(BgNbdModel::parameters).orElse(null),
                segments, stages, statistics);
    }

    CustomerStatistics customerStatistics() {
        return customerStatistics.result();
    }
}
