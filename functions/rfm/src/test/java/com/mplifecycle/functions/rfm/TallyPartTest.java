package com.mplifecycle.functions.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.mplifecycle.aws.store.TallyPart;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.domain.churn.RepeatSummary;
import com.mplifecycle.domain.churn.RepeatSummarySample;
import com.mplifecycle.domain.rfm.RfmStatistics;

class TallyPartTest {
    private static final LocalDate END = LocalDate.parse("2026-03-01");

    @Test
    void sample_throughStoredJson_isExactlyTheSampleKept() {
        RepeatSummarySample sample = RepeatSummarySample.create(10, RepeatSummarySample.DEFAULT_SEED);
        sample.add(RepeatSummary.fromPurchaseDates(List.of(END.minusDays(300), END.minusDays(17)), END).orElseThrow(), "a");
        sample.add(RepeatSummary.fromPurchaseDates(List.of(END.minusDays(5)), END).orElseThrow(), "b");
        sample.add(RepeatSummary.fromPurchaseDates(List.of(END.minusDays(99), END.minusDays(98), END.minusDays(1)), END)
                .orElseThrow(), "c");
        TallyPart part = TallyPart.of("shop", 4, RfmStatistics.create(365).freeze(), sample.buyers(),
                sample.repeatBuyers(), sample.keyed());

        TallyPart stored = Json.read(Json.write(part), TallyPart.class);

        assertEquals(sample.keyed(), stored.sample());
        assertEquals(3, stored.buyers());
        assertEquals(2, stored.repeatBuyers());
    }
}
