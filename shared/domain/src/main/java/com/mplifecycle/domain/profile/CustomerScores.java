package com.mplifecycle.domain.profile;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import com.mplifecycle.domain.churn.BgNbdModel;
import com.mplifecycle.domain.churn.RepeatSummary;
import com.mplifecycle.domain.rfm.Order;
import com.mplifecycle.domain.rfm.RfmRun;
import com.mplifecycle.domain.rfm.RfmScorer;
import com.mplifecycle.domain.rfm.RfmStatisticsSnapshot;
import com.mplifecycle.domain.rfm.RfmWindow;

/**
 * A customer's RFM scores and BG/NBD churn values as of one app's scheduled run: the profile's
 * orders up to the run's local day, scored against the run's frozen pass-1 statistics and fitted
 * model. The one place these are computed, for the run itself (segment counts, decay) and for
 * every reader (the admin answer, campaign audiences), so the values a reader sees are the run's.
 *
 * <p>They are derived, not stored on the profile: a run moves quintile boundaries and refits the
 * model every day, and storing the outcome would rewrite most buyers' profiles every night.
 * Immutable and thread-safe.
 */
public final class CustomerScores {
    /** The horizon of the expected purchases, in days. */
    static final double EXPECTATION_DAYS = 30;

    /** Scores of an app that has had no run yet: none. */
    public static final CustomerScores NONE = new CustomerScores(ZoneId.of("UTC"), null, Optional.empty(),
            Optional.empty(), Instant.EPOCH);

    private final ZoneId zone;
    private final RfmWindow window;
    private final Optional<RfmScorer> scorer;
    private final Optional<BgNbdModel> model;
    private final Instant computedAt;

    private CustomerScores(ZoneId zone, RfmWindow window, Optional<RfmScorer> scorer, Optional<BgNbdModel> model,
                           Instant computedAt) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.window = window;
        this.scorer = scorer;
        this.model = model;
        this.computedAt = Objects.requireNonNull(computedAt, "computedAt");
    }

    /** Scores as of a run in progress: its window, frozen statistics and model. */
    public static CustomerScores of(ZoneId zone, RfmWindow window, RfmStatisticsSnapshot statistics,
                                    Optional<BgNbdModel> model, Instant computedAt) {
        Objects.requireNonNull(window, "window");
        Optional<RfmScorer> scorer = statistics.buyers() == 0 ? Optional.empty()
                : Optional.of(RfmScorer.from(statistics));
        return new CustomerScores(zone, window, scorer, model, computedAt);
    }

    /**
     * Scores as of the app's last stored run; {@link #NONE} for a run record written before runs
     * kept their statistics (the next run writes them).
     */
    public static CustomerScores of(RfmRun run, ZoneId zone) {
        if (run.statistics() == null) {
            return NONE;
        }
        return of(zone, RfmWindow.of(run.asOf(), run.windowDays()), run.statistics(),
                run.churnModel().map(BgNbdModel::of), run.ranAt());
    }

    /** RFM scores, or empty for a customer with no paid order in the run's window (or no run). */
    public Optional<RfmSnapshot> rfm(CustomerProfile p) {
        if (scorer.isEmpty()) {
            return Optional.empty();
        }
        return window.values(orders(p)).map(v -> RfmSnapshot.of(scorer.get().score(v), computedAt));
    }

    /** Churn values, or empty for a non-buyer or an app without a fitted model. */
    public Optional<ChurnSnapshot> churn(CustomerProfile p) {
        return model.flatMap(m -> summary(p).map(s -> ChurnSnapshot.rounded(m.pAlive(s),
                m.expectedPurchases(EXPECTATION_DAYS / RepeatSummary.DAYS_PER_WEEK, s), computedAt)));
    }

    /**
     * P(alive) where it may refine decay: for repeat buyers only. BG/NBD gives a one-time buyer
     * P(alive) = 1 by construction, which would keep them from ever decaying, so for them (and
     * for non-buyers) the day thresholds decide.
     */
    public OptionalDouble pAliveForDecay(CustomerProfile p) {
        Optional<RepeatSummary> summary = summary(p);
        if (model.isEmpty() || summary.isEmpty() || !summary.get().isRepeatBuyer()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(churn(p).orElseThrow().pAlive());
    }

    private Optional<RepeatSummary> summary(CustomerProfile p) {
        return window == null ? Optional.empty() : PurchaseHistory.repeatSummary(orders(p), window.asOf());
    }

    private List<Order> orders(CustomerProfile p) {
        return PurchaseHistory.rfmOrders(p, zone);
    }
}
