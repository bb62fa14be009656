package com.mplifecycle.domain.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.mplifecycle.domain.sharing.SharingStatistics.Entry;
import com.mplifecycle.domain.sharing.SharingStatistics.Kind;

class SharingStatisticsTest {
    @Test
    void of_records_totalsRatioAndTopSharersByNewCustomers() {
        List<Entry> entries = new ArrayList<>(List.of(
                new Entry(Kind.SHARE, "c_a"), new Entry(Kind.SHARE, "c_a"), new Entry(Kind.OPEN, "c_a"),
                new Entry(Kind.OPEN, "c_a"), new Entry(Kind.OPEN, "c_a"), new Entry(Kind.NEW_CUSTOMER, "c_a"),
                new Entry(Kind.SHARE, "c_b"), new Entry(Kind.OPEN, "c_b"), new Entry(Kind.NEW_CUSTOMER, "c_b"),
                new Entry(Kind.NEW_CUSTOMER, "c_b"),
                new Entry(Kind.OPEN, "c_old"))); // an open of a share made before the range

        SharingStatistics s = SharingStatistics.of(entries);

        assertEquals(2, s.sharers());
        assertEquals(3, s.shares());
        assertEquals(5, s.opens());
        assertEquals(3, s.newCustomers());
        assertEquals(1.67, s.opensPerShare());
        assertEquals(List.of("c_b", "c_a", "c_old"), s.topSharers().stream().map(SharingStatistics.Sharer::customerId)
                .toList());
        assertEquals(new SharingStatistics.Sharer("c_a", 2, 3, 1, 1.5), s.topSharers().get(1));
        assertNull(s.topSharers().get(2).opensPerShare());
    }

    @Test
    void of_nothing_zerosAndNoRatio() {
        SharingStatistics s = SharingStatistics.of(List.of());

        assertEquals(0, s.shares());
        assertNull(s.opensPerShare());
        assertEquals(List.of(), s.topSharers());
    }
}
