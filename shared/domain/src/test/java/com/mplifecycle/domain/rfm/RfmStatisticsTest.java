package com.mplifecycle.domain.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RfmStatisticsTest {

    private static final int WINDOW_DAYS = 365;

    @Test
    void merge_segmentsScannedSeparately_scoresLikeOnePass() {
        List<RfmValues> buyers = randomBuyers(3_000);
        RfmStatistics onePass = RfmStatistics.create(WINDOW_DAYS);
        buyers.forEach(onePass::add);
        RfmStatistics[] segments = {
            RfmStatistics.create(WINDOW_DAYS), RfmStatistics.create(WINDOW_DAYS), RfmStatistics.create(WINDOW_DAYS),
        };
        for (int i = 0; i < buyers.size(); i++) {
            segments[i % 3].add(buyers.get(i));
        }

        RfmStatisticsSnapshot merged = segments[2].merge(segments[0]).merge(segments[1]).freeze();

        assertEquals(onePass.freeze(), merged);
        RfmScorer fromOnePass = RfmScorer.from(onePass.freeze());
        RfmScorer fromMerged = RfmScorer.from(merged);
        for (RfmValues values : buyers) {
            assertEquals(fromOnePass.score(values), fromMerged.score(values));
        }
    }

    @Test
    void from_storedSnapshot_continuesWhereItStopped() {
        List<RfmValues> buyers = randomBuyers(100);
        RfmStatistics all = RfmStatistics.create(WINDOW_DAYS);
        buyers.forEach(all::add);
        RfmStatistics firstHalf = RfmStatistics.create(WINDOW_DAYS);
        buyers.subList(0, 50).forEach(firstHalf::add);

        RfmStatistics resumed = RfmStatistics.from(firstHalf.freeze());
        buyers.subList(50, 100).forEach(resumed::add);

        assertEquals(all.freeze(), resumed.freeze());
    }

    @Test
    void freeze_someBuyers_countsAndSumsExactly() {
        RfmStatistics statistics = RfmStatistics.create(WINDOW_DAYS);
        statistics.add(new RfmValues(3, 1, 100));
        statistics.add(new RfmValues(3, 2, 50));

        RfmStatisticsSnapshot snapshot = statistics.freeze();

        assertEquals(2, snapshot.buyers());
        assertEquals(Map.of(3, 2L), snapshot.recencyDayCounts());
        assertEquals(Map.of(1, 1L, 2, 1L), snapshot.frequencyCounts());
        assertEquals(3.0, snapshot.meanRecencyDays());
        assertEquals(1.5, snapshot.meanFrequency());
        assertEquals(75.0, snapshot.meanMonetaryFen());
    }

    @Test
    void merge_differentWindows_isRejected() {
        RfmStatistics year = RfmStatistics.create(365);
        RfmStatistics quarter = RfmStatistics.create(90);

        assertThrows(IllegalArgumentException.class, () -> year.merge(quarter));
    }

    @Test
    void add_recencyOutsideWindow_isRejected() {
        RfmStatistics statistics = RfmStatistics.create(30);

        assertThrows(IllegalArgumentException.class, () -> statistics.add(new RfmValues(30, 1, 1)));
    }

    @Test
    void snapshot_countsNotMatchingBuyers_isRejected() {
        TreeMap<Integer, Long> one = new TreeMap<>(Map.of(1, 1L));

        assertThrows(IllegalArgumentException.class,
                () -> new RfmStatisticsSnapshot(365, 2, 1, 1, 1, one, one, one));
    }

    private static List<RfmValues> randomBuyers(int count) {
        SplittableRandom random = new SplittableRandom(42);
        List<RfmValues> buyers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            buyers.add(new RfmValues(random.nextInt(WINDOW_DAYS), 1 + random.nextInt(12),
                    random.nextLong(1, 5_000_000)));
        }
        return buyers;
    }
}
