package com.mplifecycle.domain.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BgNbdModelTest {

    /** Published estimates (Fader, Hardie and Lee 2005, CDNOW, weeks). */
    private static final BgNbdParameters PUBLISHED = new BgNbdParameters(0.243, 4.414, 0.793, 2.426, -9582.4);

    private static List<RepeatSummary> cdnow;
    private static BgNbdParameters fitted;

    @BeforeAll
    static void fitCdnow() {
        cdnow = new ArrayList<>(CdnowData.publishedSummaries().values());
        fitted = BgNbdModel.fit(cdnow).parameters();
    }

    @Test
    void fit_cdnowSummary_reproducesPublishedEstimates() {
        assertEquals(0.243, fitted.r(), 0.0005, "r");
        assertEquals(4.414, fitted.alpha(), 0.005, "alpha");
        assertEquals(0.793, fitted.a(), 0.0005, "a");
        assertEquals(2.426, fitted.b(), 0.005, "b");
    }

    @Test
    void fit_cdnowSummary_reproducesPublishedLogLikelihood() {
        assertEquals(-9582.4, fitted.logLikelihood(), 0.05);
    }

    @Test
    void logLikelihood_publishedParameters_isNotAboveTheFittedMaximum() {
        double atPublished = BgNbdModel.logLikelihood(
                PUBLISHED.r(), PUBLISHED.alpha(), PUBLISHED.a(), PUBLISHED.b(), cdnow);

        assertEquals(-9582.4, atPublished, 0.05);
        assertTrue(atPublished <= fitted.logLikelihood() + 1e-9);
    }

    @Test
    void expectedPurchases_cdnowCustomer1Over39Weeks_matchesPaper() {
        BgNbdModel model = BgNbdModel.of(fitted);

        assertEquals(1.226, model.expectedPurchases(39, 2, 30.43, 38.86), 0.001);
    }

    @Test
    void expectedPurchases_zeroHorizon_isZero() {
        BgNbdModel model = BgNbdModel.of(PUBLISHED);

        assertEquals(0.0, model.expectedPurchases(0, 2, 30.43, 38.86), 1e-12);
    }

    @Test
    void pAlive_weeklyBuyerSilentThreeWeeks_isBelowQuarterlyBuyerSilentThreeWeeks() {
        BgNbdModel model = BgNbdModel.of(fitted);
        // a year of history, last purchase 3 weeks ago: 52 purchases vs 5
        double weekly = model.pAlive(51, 49, 52);
        double quarterly = model.pAlive(4, 49, 52);

        assertTrue(weekly < quarterly, "weekly " + weekly + " vs quarterly " + quarterly);
    }

    @Test
    void pAlive_weeklyBuyer_dropsAsSilenceGrows() {
        BgNbdModel model = BgNbdModel.of(fitted);

        double silentOneWeek = model.pAlive(51, 51, 52);
        double silentThreeWeeks = model.pAlive(51, 49, 52);
        double silentTenWeeks = model.pAlive(51, 42, 52);

        assertTrue(silentOneWeek > silentThreeWeeks && silentThreeWeeks > silentTenWeeks);
        assertTrue(silentTenWeeks < 0.1, "ten silent weeks: " + silentTenWeeks);
    }

    @Test
    void pAlive_noRepeatPurchase_isOne() {
        assertEquals(1.0, BgNbdModel.of(PUBLISHED).pAlive(0, 0, 30), 0.0);
    }

    @Test
    void fit_sampleBelowMinimumBuyers_givesNoModel() {
        RepeatSummarySample sample = RepeatSummarySample.create();
        cdnow.subList(0, BgNbdModel.MIN_BUYERS_TO_FIT - 1).forEach(sample::add);

        assertTrue(BgNbdModel.fit(sample).isEmpty());
    }

    @Test
    void fit_sampleWithTooFewRepeatBuyers_givesNoModel() {
        RepeatSummarySample sample = RepeatSummarySample.create();
        cdnow.stream().filter(s -> !s.isRepeatBuyer()).forEach(sample::add);
        cdnow.stream().filter(RepeatSummary::isRepeatBuyer).limit(BgNbdModel.MIN_REPEAT_BUYERS_TO_FIT - 1)
                .forEach(sample::add);

        assertTrue(BgNbdModel.fit(sample).isEmpty());
    }

    @Test
    void fit_fullCdnowSample_givesPublishedModel() {
        RepeatSummarySample sample = RepeatSummarySample.create();
        cdnow.forEach(sample::add);

        BgNbdParameters parameters = BgNbdModel.fit(sample).orElseThrow().parameters();

        assertEquals(fitted, parameters);
    }

    @Test
    void fit_noRepeatBuyers_isRejected() {
        List<RepeatSummary> noRepeats = List.of(new RepeatSummary(0, 0, 10), new RepeatSummary(0, 0, 20));

        assertThrows(IllegalArgumentException.class, () -> BgNbdModel.fit(noRepeats));
    }
}
