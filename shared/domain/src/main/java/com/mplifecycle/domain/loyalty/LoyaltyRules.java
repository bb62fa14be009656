package com.mplifecycle.domain.loyalty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mplifecycle.domain.loyalty.LedgerEntry.Kind;
import com.mplifecycle.domain.loyalty.LoyaltyOutcome.Changed;
import com.mplifecycle.domain.loyalty.LoyaltyOutcome.LevelChange;
import com.mplifecycle.domain.loyalty.LoyaltyOutcome.Refused;
import com.mplifecycle.domain.profile.CheckInStreak;

/**
 * The points, growth, level and check-in rules: pure functions of an account, a cause and the time.
 * Each returns the account after the cause with the ledger entries it makes; the store writes both in
 * one transaction, conditional on the entries' causes being new, which is what makes every cause count once.
 */
public final class LoyaltyRules {
    private final LoyaltySettings settings;
    private final ZoneId zone;

    public LoyaltyRules(LoyaltySettings settings, ZoneId zone) {
        this.settings = settings;
        this.zone = zone;
    }

    public LoyaltySettings settings() {
        return settings;
    }

    public LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, zone);
    }

    // ---- earning -------------------------------------------------------------------------------

    /** Points of an order: {@code pointsPerYuan} per yuan times the multiplier, rounded down. */
    public long orderPoints(long amountFen, double multiplier) {
        return Math.floorDiv(Math.multiplyExact(Math.multiplyExact(amountFen, settings.pointsPerYuan()),
                Math.round(multiplier * 100)), 100L * 100L);
    }

    /**
     * Points of a check-in that makes a streak of {@code streak} days, before the level's multiplier:
     * base, plus a step a day, capped.
     */
    public long checkInPoints(int streak) {
        long points = settings.checkInPoints() + (long) settings.checkInStep() * Math.max(0, streak - 1);
        return Math.min(points, settings.checkInMaxPoints());
    }

    /**
     * Earned points at the level the account holds: {@code points} times its multiplier, rounded down,
     * as order points are. Every earning goes through it (orders through {@link #orderPoints}); costs
     * (make-ups, rewards) and an operator's adjustments are exact.
     */
    public long atLevel(long points, PointsAccount account) {
        return Math.floorDiv(Math.multiplyExact(points, level(account).multiplierHundredths()), 100L);
    }

    /** The points a refund takes back: the order's points times its refunded share, less what earlier refunds took. */
    public static long refundTakeBack(AccountOrder order, long refundedFenAfter) {
        if (order.amountFen() <= 0) {
            return 0;
        }
        long refunded = Math.min(refundedFenAfter, order.amountFen());
        long takenAfter = Math.multiplyExact(order.points(), refunded) / order.amountFen();
        return Math.max(0, takenAfter - order.pointsTaken());
    }

    public Level level(PointsAccount account) {
        return settings.levels().get(settings.indexOf(account.level()));
    }

    /** Growth: whole yuan of server orders paid in the window ending today, refunds deducted. */
    public long growth(PointsAccount account, LocalDate today) {
        LocalDate first = today.minusDays(settings.growthWindowDays() - 1L);
        long fen = account.orders().values().stream().filter(o -> !o.day().isBefore(first))
                .mapToLong(AccountOrder::netFen).sum();
        return fen / 100;
    }

    /** A server order: its points at the current level's multiplier, its growth, and a level-up at once. */
    public LoyaltyOutcome orderPaid(PointsAccount account, String orderId, Instant paidAt, long amountFen, Instant now) {
        if (account.orders().containsKey(orderId)) {
            return new Changed(account, List.of(), null);
        }
        LocalDate today = today(now);
        LocalDate paidDay = today(paidAt);
        LocalDate expiresOn = paidDay.plusDays(settings.expiryDays());
        // never grant points that would already be expired (an old order sent late)
        long points = expiresOn.isAfter(today) ? orderPoints(amountFen, level(account).multiplier()) : 0;
        Map<String, AccountOrder> orders = new HashMap<>(account.orders());
        orders.put(orderId, new AccountOrder(paidDay, amountFen, 0, points, 0));
        PointsAccount after = account.withOrders(orders).earn(points, expiresOn);
        LedgerEntry entry = new LedgerEntry(LedgerEntry.causeOf(Kind.ORDER, orderId), Kind.ORDER, points,
                after.balance(), paidAt, orderId, points == 0 && amountFen >= 100 ? "paid too long ago to earn" : null);
        return levelUp(after, List.of(entry), today, now);
    }

    /** A server refund: takes back its share of the order's points (even if spent) and deducts growth. */
    public LoyaltyOutcome refunded(PointsAccount account, String refundId, String orderId, long amountFen,
                                   Instant refundedAt) {
        AccountOrder order = account.orders().get(orderId);
        if (order == null) {
            // the order left the window (or never earned here): nothing to take back, but the cause is recorded
            return new Changed(account, List.of(new LedgerEntry(LedgerEntry.causeOf(Kind.REFUND, refundId), Kind.REFUND,
                    0, account.balance(), refundedAt, orderId, "order not in the points window")), null);
        }
        long refundedAfter = Math.min(order.amountFen(), order.refundedFen() + amountFen);
        long takeBack = refundTakeBack(order, refundedAfter);
        Map<String, AccountOrder> orders = new HashMap<>(account.orders());
        orders.put(orderId, new AccountOrder(order.day(), order.amountFen(), refundedAfter, order.points(),
                order.pointsTaken() + takeBack));
        PointsAccount after = account.withOrders(orders).takeBack(takeBack);
        return new Changed(after, List.of(new LedgerEntry(LedgerEntry.causeOf(Kind.REFUND, refundId), Kind.REFUND,
                -takeBack, after.balance(), refundedAt, orderId, null)), null);
    }

    /** The birthday bonus of {@code year} at the level's multiplier, once (its cause is the year). */
    public LoyaltyOutcome birthday(PointsAccount account, int year, Instant now) {
        long points = atLevel(settings.birthdayPoints(), account);
        PointsAccount after = account.earn(points, today(now).plusDays(settings.expiryDays()));
        return new Changed(after, List.of(new LedgerEntry(LedgerEntry.causeOf(Kind.BIRTHDAY, Integer.toString(year)),
                Kind.BIRTHDAY, points, after.balance(), now, null, null)), null);
    }

    /** An operator's adjustment: positive earns (expiring as earned points do), negative takes back. */
    public LoyaltyOutcome adjust(PointsAccount account, long points, String reason, String requestId, Instant now) {
        PointsAccount after = points >= 0 ? account.earn(points, today(now).plusDays(settings.expiryDays()))
                : account.takeBack(-points);
        return new Changed(after, List.of(new LedgerEntry(LedgerEntry.causeOf(Kind.ADJUSTMENT, requestId),
                Kind.ADJUSTMENT, points, after.balance(), now, null, reason)), null);
    }

    // ---- check-ins ----------------------------------------------------------------------------

    /** Days in a row up to and including today, or up to yesterday when today is not checked in yet. */
    public static int streak(List<DayRun> runs, LocalDate today) {
        for (DayRun run : runs) {
            if (run.contains(today) || run.contains(today.minusDays(1))) {
                LocalDate end = run.contains(today) ? today : today.minusDays(1);
                return (int) (end.toEpochDay() - run.from().toEpochDay() + 1);
            }
        }
        return 0;
    }

    /**
     * The profile's streak (what campaigns and operators see) with the account's check-in runs: a make-up
     * joins two runs, which the profile's fold of check-in events cannot see, so the run ending on the
     * profile's last day lengthens it. Never shortens it nor moves its last day.
     */
    public static CheckInStreak withMadeUpDays(CheckInStreak profile, List<DayRun> runs) {
        if (profile == null) {
            return null;
        }
        for (DayRun run : runs) {
            if (run.to().equals(profile.lastDate()) && run.length() > profile.length()) {
                return new CheckInStreak(run.to(), run.length());
            }
        }
        return profile;
    }

    public static boolean checkedIn(List<DayRun> runs, LocalDate day) {
        return runs.stream().anyMatch(r -> r.contains(day));
    }

    /** The runs with {@code day} added, adjacent runs merged, sorted by first day. */
    static List<DayRun> withDay(List<DayRun> runs, LocalDate day) {
        List<DayRun> sorted = new ArrayList<>(runs);
        sorted.add(new DayRun(day, day));
        sorted.sort(Comparator.comparing(DayRun::from));
        List<DayRun> merged = new ArrayList<>();
        for (DayRun run : sorted) {
            DayRun last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !run.from().isAfter(last.to().plusDays(1))) {
                merged.set(merged.size() - 1, new DayRun(last.from(),
                        run.to().isAfter(last.to()) ? run.to() : last.to()));
            } else {
                merged.add(run);
            }
        }
        return merged;
    }

    /**
     * A check-in of {@code date}: today's earns once per local day; a missed day of the last
     * {@code makeUpDays} ({@code makeUp}) costs {@code makeUpCost} points and restores the streak.
     * Never a future day, never a day twice, never a make-up without the points.
     */
    public LoyaltyOutcome checkIn(PointsAccount account, LocalDate date, boolean makeUp, Instant now) {
        LocalDate today = today(now);
        if (date.isAfter(today)) {
            return new Refused(400, "date " + date + " is in the future (today is " + today + ")");
        }
        if (!makeUp && !date.equals(today)) {
            return new Refused(400, "date must be today (" + today + "); a missed day is made up with makeUp: true");
        }
        if (makeUp && date.equals(today)) {
            return new Refused(400, "today is checked in without makeUp");
        }
        if (makeUp && date.isBefore(today.minusDays(settings.makeUpDays()))) {
            return new Refused(400, "only the last " + settings.makeUpDays() + " days can be made up");
        }
        if (checkedIn(account.checkIns(), date)) {
            return new Refused(409, "already checked in on " + date);
        }
        if (makeUp && account.balance() < settings.makeUpCost()) {
            return new Refused(409, "a make-up costs " + settings.makeUpCost() + " points; the balance is "
                    + account.balance());
        }
        List<DayRun> runs = prune(withDay(account.checkIns(), date), today);
        PointsAccount withRuns = account.withCheckIns(runs);
        if (makeUp) {
            PointsAccount after = withRuns.spend(settings.makeUpCost());
            return new Changed(after, List.of(new LedgerEntry(LedgerEntry.causeOf(Kind.MAKE_UP, date.toString()),
                    Kind.MAKE_UP, -settings.makeUpCost(), after.balance(), now, date.toString(), null)), null);
        }
        long points = atLevel(checkInPoints(streak(runs, today)), account);
        PointsAccount after = withRuns.earn(points, today.plusDays(settings.expiryDays()));
        return new Changed(after, List.of(new LedgerEntry(LedgerEntry.causeOf(Kind.CHECK_IN, date.toString()),
                Kind.CHECK_IN, points, after.balance(), now, date.toString(), null)), null);
    }

    /** Runs that can still matter: the one holding the streak and those a make-up could still join. */
    private List<DayRun> prune(List<DayRun> runs, LocalDate today) {
        LocalDate keepFrom = today.minusDays(settings.makeUpDays() + 1L);
        List<DayRun> kept = runs.stream().filter(r -> !r.to().isBefore(keepFrom)).toList();
        return kept.isEmpty() && !runs.isEmpty() ? List.of(runs.get(runs.size() - 1)) : kept;
    }

    // ---- rewards --------------------------------------------------------------------------------

    /** Spends a reward's cost; the store takes one of its stock in the same transaction. */
    public LoyaltyOutcome redeem(PointsAccount account, Reward reward, String requestId, Instant now) {
        if (!reward.enabled()) {
            return new Refused(409, "reward " + reward.rewardId() + " is not offered");
        }
        if (reward.stock() <= 0) {
            return new Refused(409, "reward " + reward.rewardId() + " is out of stock");
        }
        if (reward.minLevel() != null && !settings.isLevel(reward.minLevel())) {
            // the level was renamed or removed since: refuse rather than offer it to every level
            return new Refused(409, "reward " + reward.rewardId() + " needs level " + reward.minLevel()
                    + ", which the app no longer has");
        }
        if (reward.minLevel() != null
                && settings.indexOf(account.level()) < settings.indexOf(reward.minLevel())) {
            return new Refused(409, "reward " + reward.rewardId() + " needs level " + reward.minLevel());
        }
        if (account.balance() < reward.costPoints()) {
            return new Refused(409, "reward costs " + reward.costPoints() + " points; the balance is "
                    + account.balance());
        }
        PointsAccount after = account.spend(reward.costPoints());
        return new Changed(after, List.of(new LedgerEntry(LedgerEntry.causeOf(Kind.REWARD, requestId), Kind.REWARD,
                -reward.costPoints(), after.balance(), now, reward.rewardId(), reward.name())), null);
    }

    // ---- the daily run --------------------------------------------------------------------------

    /**
     * The daily run: expires lots due by today (one entry per expiry day, so a rerun records nothing
     * twice), forgets orders that neither count for growth nor can be refunded any more, and moves a customer whose growth (the window's, as
     * everywhere: {@link #growth}) fell below the level's threshold down one level. A customer whose
     * growth reaches a higher level (the operator lowered thresholds) moves up; one whose level no
     * longer exists (renamed) holds the level their growth reaches.
     */
    public LoyaltyOutcome daily(PointsAccount account, Instant now) {
        LocalDate today = today(now);
        PointsAccount.Expiry expiry = account.expireThrough(today);
        List<LedgerEntry> entries = new ArrayList<>();
        PointsAccount after = expiry.after();
        long balance = account.balance();
        for (Map.Entry<LocalDate, Long> e : expiry.expiredByDay().entrySet()) {
            balance -= e.getValue();
            entries.add(new LedgerEntry(LedgerEntry.causeOf(Kind.EXPIRY, e.getKey().toString()), Kind.EXPIRY,
                    -e.getValue(), balance, now, e.getKey().toString(), null));
        }
        // an order counts for growth through the window and can be refunded while the order index keeps it
        LocalDate keepFrom = today.minusDays(com.mplifecycle.domain.event.ServerOrders.keptDays(
                settings.growthWindowDays()));
        Map<String, AccountOrder> orders = new HashMap<>(after.orders());
        orders.values().removeIf(o -> o.day().isBefore(keepFrom));
        after = after.withOrders(orders).withCheckIns(prune(after.checkIns(), today));
        int held = settings.indexOf(after.level());
        long growth = growth(after, today);
        int reached = settings.indexFor(growth);
        LevelChange change = null;
        if (after.level() != null && !settings.isLevel(after.level())) {
            // the operator renamed or removed the level: the customer holds what their growth reaches, silently
            after = after.withLevel(settings.levels().get(reached).name(), now, false);
        } else if (after.level() != null && reached > held) {
            // thresholds lowered since the last order: an upgrade still applies as soon as it is seen
            String from = settings.levels().get(held).name();
            String to = settings.levels().get(reached).name();
            change = new LevelChange(from, to, true);
            after = after.withLevel(to, now, true);
        } else if (held > 0 && growth < settings.levels().get(held).growth()
                && (after.levelSince() == null || today(after.levelSince()).isBefore(today))) {
            // one level a day: a rerun of the day's run (a retry, a second schedule) moves no further
            String down = settings.levels().get(held - 1).name();
            change = new LevelChange(settings.levels().get(held).name(), down, false);
            after = after.withLevel(down, now, false);
        }
        return new Changed(after, entries, change);
    }

    private Changed levelUp(PointsAccount after, List<LedgerEntry> entries, LocalDate today, Instant now) {
        int held = settings.indexOf(after.level());
        int reached = settings.indexFor(growth(after, today));
        if (after.level() == null) {
            after = after.withLevel(settings.levels().get(held).name(), now, false);
        }
        if (reached > held) {
            String from = settings.levels().get(held).name();
            String to = settings.levels().get(reached).name();
            return new Changed(after.withLevel(to, now, true), entries, new LevelChange(from, to, true));
        }
        return new Changed(after, entries, null);
    }
}
