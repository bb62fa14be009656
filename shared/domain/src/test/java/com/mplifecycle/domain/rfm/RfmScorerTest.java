package com.mplifecycle.domain.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RfmScorerTest {

    private static final int WINDOW_DAYS = 365;

    /** Ten buyers i = 0..9 with R = i days, F = i + 1, M = (i + 1) * 1000 fen: all distinct. */
    private static final RfmScorer TEN_DISTINCT = scorer(IntStream.range(0, 10)
            .mapToObj(i -> new RfmValues(i, i + 1, (i + 1) * 1000L)).toList());

    /** Means R = 20 days, F = 2, M = 300 fen. */
    private static final RfmScorer MEANS_20_2_300 = scorer(List.of(
            new RfmValues(10, 1, 100), new RfmValues(20, 1, 200), new RfmValues(30, 4, 600)));

    @ParameterizedTest(name = "buyer {0}: R {1} F {2} M {3}")
    @CsvSource({
        // i, rScore, fScore, mScore: mid-ranks 0.05, 0.15, ... 0.95 -> two buyers per quintile
        "0, 5, 1, 1",
        "1, 5, 1, 1",
        "2, 4, 2, 2",
        "3, 4, 2, 2",
        "4, 3, 3, 3",
        "5, 3, 3, 3",
        "6, 2, 4, 4",
        "7, 2, 4, 4",
        "8, 1, 5, 5",
        "9, 1, 5, 5",
    })
    void score_distinctValues_givesTwoBuyersPerQuintileWithRecentHigh(int i, int r, int f, int m) {
        RfmScore score = TEN_DISTINCT.score(new RfmValues(i, i + 1, (i + 1) * 1000L));

        assertEquals(List.of(r, f, m), List.of(score.rScore(), score.fScore(), score.mScore()));
    }

    @ParameterizedTest(name = "F {0} -> {1}")
    @CsvSource({
        "1, 2",  // six tied at F = 1: mid-rank (0 + 3) / 10 = 0.3
        "2, 4",  // (6 + 1) / 10 = 0.7
        "3, 5",  // (8 + 1) / 10 = 0.9
    })
    void score_tiedFrequencies_shareTheScoreOfTheirMidRank(int frequency, int expected) {
        List<RfmValues> buyers = new ArrayList<>();
        int[] frequencies = {1, 1, 1, 1, 1, 1, 2, 2, 3, 3};
        for (int f : frequencies) {
            buyers.add(new RfmValues(5, f, 1000));
        }

        assertEquals(expected, scorer(buyers).score(new RfmValues(5, frequency, 1000)).fScore());
    }

    @ParameterizedTest(name = "R {0} F {1} M {2} -> {3}")
    @CsvSource({
        "20,  2, 300, IMPORTANT_VALUE",    // exactly at every mean counts as high
        "21,  2, 300, IMPORTANT_RETAIN",   // one day older than the mean: R low
        "19,  1, 300, IMPORTANT_DEVELOP",
        "200, 1, 300, IMPORTANT_WINBACK",
        "0,   5, 299, GENERAL_VALUE",
        "5,   1, 1,   GENERAL_DEVELOP",
        "30,  4, 100, GENERAL_RETAIN",
        "30,  1, 100, GENERAL_WINBACK",
    })
    void score_againstMeans_givesSegment(int days, int frequency, long monetary, RfmSegment expected) {
        assertEquals(expected, MEANS_20_2_300.score(new RfmValues(days, frequency, monetary)).segment());
    }

    @Test
    void score_fewerDaysThanMean_isRecencyHighNotLow() {
        // the tutorial bug would call 30 days (more than the mean) "high"
        RfmScore recent = MEANS_20_2_300.score(new RfmValues(10, 4, 600));
        RfmScore stale = MEANS_20_2_300.score(new RfmValues(30, 4, 600));

        assertEquals(RfmSegment.IMPORTANT_VALUE, recent.segment());
        assertEquals(RfmSegment.IMPORTANT_RETAIN, stale.segment());
        assertEquals(5, recent.rScore());
        assertEquals(1, stale.rScore());
    }

    @ParameterizedTest(name = "buyer {0} -> {1}")
    @CsvSource({"0, C", "4, C", "5, B", "7, B", "8, A", "9, A"})
    void score_distinctMonetary_givesTopTwentyPercentANextThirtyB(int i, ValueTier expected) {
        assertEquals(expected, TEN_DISTINCT.score(new RfmValues(i, i + 1, (i + 1) * 1000L)).valueTier());
    }

    @Test
    void score_allSameMonetary_sharesTierOfMidRank() {
        RfmScorer allEqual = scorer(List.of(
                new RfmValues(1, 1, 500), new RfmValues(2, 1, 500), new RfmValues(3, 1, 500)));

        assertEquals(ValueTier.B, allEqual.score(new RfmValues(1, 1, 500)).valueTier());
    }

    @ParameterizedTest(name = "{0} days -> {1}")
    @CsvSource({"0, HONEYMOON", "90, HONEYMOON", "91, ACTIVE", "181, LAPSING", "364, LAPSING"})
    void score_recency_givesMemberClass(int days, MemberClass expected) {
        assertEquals(expected, MEANS_20_2_300.score(new RfmValues(days, 1, 100)).memberClass());
    }

    @Test
    void score_keepsRawValues() {
        RfmScore score = MEANS_20_2_300.score(new RfmValues(12, 3, 450));

        assertEquals(new RfmValues(12, 3, 450), score.values());
    }

    @Test
    void from_noBuyers_isRejected() {
        RfmStatisticsSnapshot empty = RfmStatistics.create(WINDOW_DAYS).freeze();

        assertThrows(IllegalArgumentException.class, () -> RfmScorer.from(empty));
    }

    private static RfmScorer scorer(List<RfmValues> buyers) {
        RfmStatistics statistics = RfmStatistics.create(WINDOW_DAYS);
        buyers.forEach(statistics::add);
        return RfmScorer.from(statistics.freeze());
    }
}
