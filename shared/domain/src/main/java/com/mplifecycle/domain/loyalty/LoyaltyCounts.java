package com.mplifecycle.domain.loyalty;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one committed change of a points account adds to the app's loyalty figures: points issued,
 * spent and expired and redemptions on the local day of its entries (the latest entry's day, null for
 * a change without entries), and the change of the points due on each expiry day (the account's lots
 * after less before), so that "expiring in the next N days" is a sum of a few counters, never a scan.
 * Derived from the account's own lifetime totals, so the figures always agree with the ledger.
 */
public record LoyaltyCounts(LocalDate day, long issued, long spent, long expired, long redeemed,
                            SortedMap<LocalDate, Long> expiringChange) {
    public LoyaltyCounts {
        expiringChange = Collections.unmodifiableSortedMap(new TreeMap<>(expiringChange));
    }

    public static LoyaltyCounts of(PointsAccount before, PointsAccount after, List<LedgerEntry> entries, ZoneId zone) {
        LocalDate day = entries.stream().map(LedgerEntry::at).max(java.util.Comparator.naturalOrder())
                .map(at -> at.atZone(zone).toLocalDate()).orElse(null);
        long redeemed = entries.stream().filter(e -> e.kind() == LedgerEntry.Kind.REWARD).count();
        TreeMap<LocalDate, Long> change = new TreeMap<>();
        after.lots().forEach((d, p) -> change.merge(d, p, Long::sum));
        before.lots().forEach((d, p) -> change.merge(d, -p, Long::sum));
        change.values().removeIf(v -> v == 0);
        return new LoyaltyCounts(day, after.earned() - before.earned(), after.spent() - before.spent(),
                after.expired() - before.expired(), redeemed, change);
    }

    /** True when the change moves no figure (a level moved, check-in runs trimmed). */
    public boolean isEmpty() {
        return (day == null || issued == 0 && spent == 0 && expired == 0 && redeemed == 0) && expiringChange.isEmpty();
    }

    /** Whether the day's counters move. */
    public boolean movesDay() {
        return day != null && (issued != 0 || spent != 0 || expired != 0 || redeemed != 0);
    }
}
