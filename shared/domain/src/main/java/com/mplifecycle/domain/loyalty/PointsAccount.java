package com.mplifecycle.domain.loyalty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A customer's points, growth and check-ins, derived from the ledger and kept beside it (never in
 * the profile). {@code lots} are the unspent earned points by the day they expire: spending, refunds
 * and expiry consume them oldest first (FIFO, which with one validity period is also soonest-to-expire
 * first). {@code debt} is what refunds took back beyond the lots (the balance is negative); later
 * earnings repay it first. {@code earned}, {@code spent} and {@code expired} are lifetime totals
 * ({@code spent} includes refunds' take-backs and negative adjustments). {@code orders} are the server
 * orders of the growth window, {@code checkIns} the recent check-in runs, {@code level} the level the
 * customer holds since {@code levelSince}, {@code levelUpAt} when the last level-up was, {@code lastReferral} the
 * latest referral reward the customer earned as a sharer. {@code version} is the stored item's optimistic lock.
 */
public record PointsAccount(SortedMap<LocalDate, Long> lots, long debt, long earned, long spent, long expired,
                            Map<String, AccountOrder> orders, String level, Instant levelSince,
                            List<DayRun> checkIns, Instant levelUpAt, ReferralReward lastReferral, long version) {
    public PointsAccount {
        lots = lots == null ? new TreeMap<>() : new TreeMap<>(lots);
        lots.values().removeIf(v -> v <= 0);
        lots = java.util.Collections.unmodifiableSortedMap(lots);
        orders = orders == null ? Map.of() : Map.copyOf(orders);
        checkIns = checkIns == null ? List.of() : List.copyOf(checkIns);
    }

    public static PointsAccount empty() {
        return new PointsAccount(null, 0, 0, 0, 0, null, null, null, null, null, null, 0);
    }

    public boolean isEmpty() {
        return version == 0;
    }

    /** Unspent points less debt: may be negative after a refund of spent points. */
    public long balance() {
        return lots.values().stream().mapToLong(Long::longValue).sum() - debt;
    }

    /** Adds earned points expiring on {@code expiresOn}; debt is repaid first. */
    public PointsAccount earn(long points, LocalDate expiresOn) {
        if (points <= 0) {
            return this;
        }
        long repay = Math.min(debt, points);
        TreeMap<LocalDate, Long> next = new TreeMap<>(lots);
        if (points > repay) {
            next.merge(expiresOn, points - repay, Long::sum);
        }
        return new PointsAccount(next, debt - repay, earned + points, spent, expired, orders, level, levelSince,
                checkIns, levelUpAt, lastReferral, version);
    }

    /** Spends points oldest first; the caller checks the balance covers them. */
    public PointsAccount spend(long points) {
        if (points > balance()) {
            throw new IllegalArgumentException("balance " + balance() + " does not cover " + points);
        }
        return consume(points, false);
    }

    /** Takes points back oldest first (refunds, negative adjustments); what the lots lack becomes debt. */
    public PointsAccount takeBack(long points) {
        return consume(points, true);
    }

    private PointsAccount consume(long points, boolean mayOwe) {
        if (points <= 0) {
            return this;
        }
        TreeMap<LocalDate, Long> next = new TreeMap<>(lots);
        long left = points;
        while (left > 0 && !next.isEmpty()) {
            Map.Entry<LocalDate, Long> oldest = next.firstEntry();
            long take = Math.min(left, oldest.getValue());
            left -= take;
            if (take == oldest.getValue()) {
                next.remove(oldest.getKey());
            } else {
                next.put(oldest.getKey(), oldest.getValue() - take);
            }
        }
        long owed = mayOwe ? left : 0;
        return new PointsAccount(next, debt + owed, earned, spent + points, expired, orders, level, levelSince,
                checkIns, levelUpAt, lastReferral, version);
    }

    /** Removes the lots expiring on or before {@code today}, each expiry day with its points. */
    public Expiry expireThrough(LocalDate today) {
        SortedMap<LocalDate, Long> due = new TreeMap<>(lots.headMap(today.plusDays(1)));
        if (due.isEmpty()) {
            return new Expiry(this, due);
        }
        TreeMap<LocalDate, Long> next = new TreeMap<>(lots.tailMap(today.plusDays(1)));
        long total = due.values().stream().mapToLong(Long::longValue).sum();
        return new Expiry(new PointsAccount(next, debt, earned, spent, expired + total, orders, level, levelSince,
                checkIns, levelUpAt, lastReferral, version), due);
    }

    public record Expiry(PointsAccount after, SortedMap<LocalDate, Long> expiredByDay) {
    }

    /** The lots expiring on or before {@code until}, soonest first. */
    public List<Map.Entry<LocalDate, Long>> expiringThrough(LocalDate until) {
        return new ArrayList<>(lots.headMap(until.plusDays(1)).entrySet());
    }

    public PointsAccount withOrders(Map<String, AccountOrder> v) {
        return new PointsAccount(lots, debt, earned, spent, expired, v, level, levelSince, checkIns, levelUpAt,
                lastReferral, version);
    }

    /** Holds level {@code name} from {@code since}; an up-move also records {@code levelUpAt}. */
    public PointsAccount withLevel(String name, Instant since, boolean up) {
        return new PointsAccount(lots, debt, earned, spent, expired, orders, name, since, checkIns,
                up ? since : levelUpAt, lastReferral, version);
    }

    public PointsAccount withCheckIns(List<DayRun> v) {
        return new PointsAccount(lots, debt, earned, spent, expired, orders, level, levelSince, v, levelUpAt,
                lastReferral, version);
    }

    /** With {@code v} as the latest referral reward (null: none to tell about). */
    public PointsAccount withLastReferral(ReferralReward v) {
        return new PointsAccount(lots, debt, earned, spent, expired, orders, level, levelSince, checkIns, levelUpAt, v,
                version);
    }

    public PointsAccount withVersion(long v) {
        return new PointsAccount(lots, debt, earned, spent, expired, orders, level, levelSince, checkIns, levelUpAt,
                lastReferral, v);
    }

    /**
     * What campaigns read of this account, in the profile: the level, the last level-up, the next expiry,
     * the latest referral reward, and the app's notice before expiries ({@code noticeDays}, the setting
     * {@code loyalty.expiringNoticeDays}).
     */
    public com.mplifecycle.domain.profile.LoyaltyStatus status(int noticeDays) {
        Map.Entry<LocalDate, Long> next = lots.isEmpty() ? null : lots.entrySet().iterator().next();
        return new com.mplifecycle.domain.profile.LoyaltyStatus(level, levelUpAt, next == null ? null : next.getKey(),
                next == null ? 0 : next.getValue(), lastReferral == null ? null : lastReferral.referredId(),
                lastReferral == null ? null : lastReferral.at(), noticeDays);
    }
}
