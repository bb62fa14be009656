package com.mplifecycle.functions.rfm;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLongArray;

import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.churn.BgNbdModel;
import com.mplifecycle.domain.churn.RepeatSummary;
import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.lifecycle.StageChange;
import com.mplifecycle.domain.lifecycle.StageRules;
import com.mplifecycle.domain.profile.ChurnSnapshot;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.RfmSnapshot;
import com.mplifecycle.domain.rfm.Order;
import com.mplifecycle.domain.rfm.RfmRun;
import com.mplifecycle.domain.rfm.RfmScorer;
import com.mplifecycle.domain.rfm.RfmSegment;
import com.mplifecycle.domain.rfm.RfmStatisticsSnapshot;
import com.mplifecycle.domain.rfm.RfmWindow;
import com.mplifecycle.domain.stats.CustomerStatistics;

/**
 * Pass 2 for one app: scores each profile against the frozen pass-1 statistics and the fitted
 * churn model, applies decay, and counts the resulting segments and stages for the run record.
 * {@link #rescore} is pure; the counters are thread-safe.
 *
 * <p>The model's probability alive refines decay only for repeat buyers: for a customer who
 * bought once BG/NBD gives P(alive) = 1 by construction, which would keep them from ever
 * decaying, so for them (and for non-buyers) the day thresholds decide.
 */
final class AppScorer {
    static final double DAYS_PER_WEEK = 7.0;
    static final double EXPECTATION_DAYS = 30;

    /** A profile after pass 2; {@code changed} is false when scores and stage are as stored. */
    record Rescored(CustomerProfile profile, Optional<StageChange> decay, boolean changed) {
    }

    private final AppSettings settings;
    private final Instant now;
    private final RfmWindow window;
    private final long customers;
    private final RfmStatisticsSnapshot statistics;
    private final Optional<RfmScorer> scorer;
    private final Optional<BgNbdModel> model;
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
        this.scorer = statistics.buyers() == 0 ? Optional.empty() : Optional.of(RfmScorer.from(statistics));
        this.model = model;
        this.rules = new StageRules(settings.lifecycle());
        this.customerStatistics = new CustomerStatisticsTally(settings, now);
    }

    Rescored rescore(CustomerProfile p) {
        List<Order> orders = PurchaseHistory.rfmOrders(p, settings.timeZone());
        RfmSnapshot rfm = scorer.flatMap(s -> window.values(orders).map(v -> RfmSnapshot.of(s.score(v), now)))
                .orElse(null);
        Optional<RepeatSummary> summary = PurchaseHistory.repeatSummary(orders, window.asOf());
        ChurnSnapshot churn = model.flatMap(m -> summary.map(s -> ChurnSnapshot.rounded(m.pAlive(s),
                m.expectedPurchases(EXPECTATION_DAYS / DAYS_PER_WEEK, s), now))).orElse(null);
        OptionalDouble pAlive = churn != null && summary.get().isRepeatBuyer()
                ? OptionalDouble.of(churn.pAlive()) : OptionalDouble.empty();
        Optional<StageChange> decay = rules.decay(p, now, pAlive);
        boolean changed = decay.isPresent() || !same(p.rfm(), rfm) || !same(p.churn(), churn);
        if (!changed) {
            return new Rescored(p, decay, false);
        }
        CustomerProfile.Builder next = p.toBuilder().rfm(rfm).churn(churn);
        decay.ifPresent(c -> next.stage(c.to(), c.at()));
        return new Rescored(next.build(), decay, true);
    }

    /** Counts a profile's final segment, stage, retention cohort and repurchase for the run's records. */
    void count(CustomerProfile p) {
        customerStatistics.add(p);
        if (p.rfm() != null) {
            segmentCounts.incrementAndGet(p.rfm().segment().ordinal());
        }
        if (p.stage() != null) {
            stageCounts.incrementAndGet(p.stage().ordinal());
        }
    }

    /** Adds the counts another invocation made over its segment. */
    void add(ScorePart part) {
        part.segments().forEach((segment, n) -> segmentCounts.addAndGet(segment.ordinal(), n));
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
                segments, stages);
    }

    CustomerStatistics customerStatistics() {
        return customerStatistics.result();
    }

    private static boolean same(RfmSnapshot stored, RfmSnapshot computed) {
        return stored == null ? computed == null : stored.sameScores(computed);
    }

    private static boolean same(ChurnSnapshot stored, ChurnSnapshot computed) {
        return stored == null ? computed == null : stored.sameScores(computed);
    }
}
