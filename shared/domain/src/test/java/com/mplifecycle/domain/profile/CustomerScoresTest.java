package com.mplifecycle.domain.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.mplifecycle.domain.churn.BgNbdModel;
import com.mplifecycle.domain.churn.BgNbdParameters;
import com.mplifecycle.domain.churn.RepeatSummary;
import com.mplifecycle.domain.rfm.RfmRun;
import com.mplifecycle.domain.rfm.RfmScorer;
import com.mplifecycle.domain.rfm.RfmStatistics;
import com.mplifecycle.domain.rfm.RfmWindow;

class CustomerScoresTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant RAN_AT = Instant.parse("2026-03-09T19:00:00Z"); // 03:00 on 10 March in Shanghai
    private static final LocalDate RUN_DAY = LocalDate.of(2026, 3, 10);
    private static final BgNbdParameters CDNOW = new BgNbdParameters(0.243, 4.414, 0.793, 2.426, -9582.4);

    private static CustomerProfile buyer(String id, long... daysAgoThenFen) {
        List<Order> orders = new java.util.ArrayList<>();
        for (int i = 0; i < daysAgoThenFen.length; i += 2) {
            orders.add(new Order(id + i, RAN_AT.minus(Duration.ofDays(daysAgoThenFen[i])), daysAgoThenFen[i + 1],
                    Map.of(), null));
        }
        return CustomerProfile.empty("shop", id).toBuilder().orders(orders).build();
    }

    private static final CustomerProfile REGULAR = buyer("c1", 40, 3_000, 20, 4_000, 6, 5_000);
    private static final CustomerProfile ONCE = buyer("c2", 100, 900);

    private static RfmRun run(BgNbdParameters model) {
        RfmWindow window = RfmWindow.endingOn(RUN_DAY);
        RfmStatistics statistics = RfmStatistics.create(window);
        for (CustomerProfile p : List.of(REGULAR, ONCE)) {
            window.values(PurchaseHistory.rfmOrders(p, SHANGHAI)).ifPresent(statistics::add);
        }
        return new RfmRun("shop", RAN_AT, RUN_DAY, window.days(), 2, 2, null, null, null, model, Map.of(), Map.of(),
                statistics.freeze());
    }

    @Test
    void rfm_scoresTheOrdersUpToTheRunDayAgainstItsStatistics() {
        RfmRun run = run(null);
        RfmWindow window = RfmWindow.endingOn(RUN_DAY);

        RfmSnapshot rfm = CustomerScores.of(run, SHANGHAI).rfm(REGULAR).orElseThrow();

        assertEquals(RfmSnapshot.of(RfmScorer.from(run.statistics())
                .score(window.values(PurchaseHistory.rfmOrders(REGULAR, SHANGHAI)).orElseThrow()), RAN_AT), rfm);
        assertEquals(6, rfm.recencyDays());
        assertEquals(3, rfm.frequency());
    }

    @Test
    void rfm_firstOrderAfterTheRun_noScoresUntilTheNextRun() {
        CustomerProfile late = CustomerProfile.empty("shop", "c3").toBuilder().orders(List.of(
                new Order("o", RAN_AT.plus(Duration.ofDays(1)), 5_000, Map.of(), null))).build();

        assertTrue(CustomerScores.of(run(CDNOW), SHANGHAI).rfm(late).isEmpty());
        assertTrue(CustomerScores.of(run(CDNOW), SHANGHAI).churn(late).isEmpty());
    }

    @Test
    void churn_isTheModelsValuesAsOfTheRunDay_fourDecimals() {
        RepeatSummary summary = PurchaseHistory.repeatSummary(PurchaseHistory.rfmOrders(REGULAR, SHANGHAI), RUN_DAY)
                .orElseThrow();
        BgNbdModel model = BgNbdModel.of(CDNOW);

        ChurnSnapshot churn = CustomerScores.of(run(CDNOW), SHANGHAI).churn(REGULAR).orElseThrow();

        assertEquals(ChurnSnapshot.rounded(model.pAlive(summary), model.expectedPurchases(30 / 7.0, summary), RAN_AT),
                churn);
    }

    @Test
    void pAliveForDecay_repeatBuyerOnly() {
        CustomerScores scores = CustomerScores.of(run(CDNOW), SHANGHAI);

        assertEquals(scores.churn(REGULAR).orElseThrow().pAlive(), scores.pAliveForDecay(REGULAR).getAsDouble());
        assertTrue(scores.pAliveForDecay(ONCE).isEmpty(), "P(alive) = 1 for one purchase by construction");
    }

    @Test
    void of_noModelOrNoStatistics_noChurnOrNoScores() {
        assertTrue(CustomerScores.of(run(null), SHANGHAI).churn(REGULAR).isEmpty());
        RfmRun withoutStatistics = new RfmRun("shop", RAN_AT, RUN_DAY, 365, 2, 2, null, null, null, CDNOW, Map.of(),
                Map.of(), null);
        assertTrue(CustomerScores.of(withoutStatistics, SHANGHAI).rfm(REGULAR).isEmpty());
        assertTrue(CustomerScores.NONE.rfm(REGULAR).isEmpty());
    }
}
