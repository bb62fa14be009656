package com.mplifecycle.domain.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatSummarySampleTest {

    @Test
    void add_moreThanCapacity_keepsCapacityAndCountsEveryone() {
        RepeatSummarySample sample = RepeatSummarySample.create(100, 7);

        addCustomers(sample, 1_000);

        assertEquals(100, sample.summaries().size());
        assertEquals(1_000, sample.buyers());
        assertEquals(500, sample.repeatBuyers());
    }

    @Test
    void add_sameSeedSameOrder_givesSameSample() {
        RepeatSummarySample first = RepeatSummarySample.create(100, 7);
        RepeatSummarySample second = RepeatSummarySample.create(100, 7);

        addCustomers(first, 1_000);
        addCustomers(second, 1_000);

        assertEquals(first.summaries(), second.summaries());
    }

    @Test
    void add_otherSeed_givesOtherSample() {
        RepeatSummarySample first = RepeatSummarySample.create(100, 7);
        RepeatSummarySample second = RepeatSummarySample.create(100, 8);

        addCustomers(first, 1_000);
        addCustomers(second, 1_000);

        assertNotEquals(first.summaries(), second.summaries());
    }

    @Test
    void add_fewerThanCapacity_keepsAllInOrder() {
        RepeatSummarySample sample = RepeatSummarySample.create(100, 7);
        List<RepeatSummary> summaries = List.of(new RepeatSummary(0, 0, 3), new RepeatSummary(2, 1, 3));

        summaries.forEach(sample::add);

        assertEquals(summaries, sample.summaries());
    }

    @Test
    void add_manyCustomers_samplesLateCustomersToo() {
        RepeatSummarySample sample = RepeatSummarySample.create(100, 7);

        addCustomers(sample, 10_000);

        // T encodes the arrival index: a fair sample has most entries from the later 90 %
        long late = sample.summaries().stream().filter(s -> s.T() >= 1_000).count();
        assertEquals(90, late, 15);
    }

    @Test
    void addKeyed_anyArrivalOrder_givesSameSampleInSameOrder() {
        List<Integer> order = new java.util.ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            order.add(i);
        }
        RepeatSummarySample inOrder = RepeatSummarySample.create(100, 7);
        order.forEach(i -> inOrder.add(summary(i), "app#c" + i));
        java.util.Collections.shuffle(order, new java.util.Random(3));
        RepeatSummarySample shuffled = RepeatSummarySample.create(100, 7);
        order.forEach(i -> shuffled.add(summary(i), "app#c" + i));

        assertEquals(100, inOrder.summaries().size());
        assertEquals(inOrder.summaries(), shuffled.summaries());
        assertEquals(1_000, shuffled.buyers());
        assertEquals(500, shuffled.repeatBuyers());
    }

    @Test
    void addKeyed_manyCustomers_samplesLateCustomersToo() {
        RepeatSummarySample sample = RepeatSummarySample.create(100, 7);

        for (int i = 0; i < 10_000; i++) {
            sample.add(summary(i), "app#c" + i);
        }

        long late = sample.summaries().stream().filter(s -> s.T() >= 1_000).count();
        assertEquals(90, late, 15);
    }

    private static RepeatSummary summary(int i) {
        return new RepeatSummary(i % 2, 0.5 * (i % 2), i + 1);
    }

    @Test
    void merge_partsOfDisjointCustomers_givesSampleOfOnePass() {
        RepeatSummarySample whole = RepeatSummarySample.create(50, 7);
        RepeatSummarySample even = RepeatSummarySample.create(50, 7);
        RepeatSummarySample odd = RepeatSummarySample.create(50, 7);
        for (int i = 0; i < 1_000; i++) {
            RepeatSummary s = new RepeatSummary(i % 3, i % 3 == 0 ? 0 : 1, 10);
            whole.add(s, "c" + i);
            (i % 2 == 0 ? even : odd).add(s, "c" + i);
        }
        List<RepeatSummarySample.Keyed> parts = new java.util.ArrayList<>(odd.keyed());
        parts.addAll(even.keyed());

        RepeatSummarySample merged = RepeatSummarySample.merge(50, parts,
                even.buyers() + odd.buyers(), even.repeatBuyers() + odd.repeatBuyers());

        assertEquals(whole.summaries(), merged.summaries());
        assertEquals(whole.buyers(), merged.buyers());
        assertEquals(whole.repeatBuyers(), merged.repeatBuyers());
    }

    private static void addCustomers(RepeatSummarySample sample, int count) {
        for (int i = 0; i < count; i++) {
            sample.add(new RepeatSummary(i % 2, 0.5 * (i % 2), i + 1));
        }
    }
}
