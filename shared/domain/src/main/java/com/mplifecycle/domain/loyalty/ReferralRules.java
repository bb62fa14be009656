package com.mplifecycle.domain.loyalty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mplifecycle.domain.loyalty.LedgerEntry.Kind;
import com.mplifecycle.domain.loyalty.LoyaltyOutcome.Changed;
import com.mplifecycle.domain.profile.Referral;

/**
 * Referral rewards (荐客有礼): when a customer acquired through another customer's share pays their first
 * server order, the new customer earns {@code referralWelcomePoints} and the sharer {@code referralPoints};
 * a full refund of that order takes both back. Who was acquired is the sharing attribution's decision
 * (the profile's {@code referredBy}: set once, when the customer was first seen through someone else's
 * share), so a customer known before the open, or one opening their own share, is never rewarded.
 *
 * <p>Every reward is a ledger entry whose cause makes it count once:
 * <ul>
 * <li>the new customer's welcome, {@code referral:welcome}, written in the same change as the first order's
 *     points (a customer has one referrer, so one welcome); its {@code ref} is that order;</li>
 * <li>the sharer's reward, {@code referral:<referred customer id>}, written after the welcome (and again,
 *     changing nothing, whenever the first order is delivered again);</li>
 * <li>their reversals, {@code referral:welcome:refunded} (in the same change as the refund that completes
 *     the first order's refund) and {@code referral:<referred customer id>:refunded}.</li>
 * </ul>
 * A reversal takes back what the reward granted, even if spent (the balance may go negative, as for refunds).
 */
public final class ReferralRules {
    static final String WELCOME = "welcome";
    static final String REFUNDED = ":refunded";
    static final String WELCOME_NOTE = "welcome bonus: first order after a friend's share";
    static final String SHARER_NOTE = "a customer you brought paid their first order";
    static final String REFUNDED_NOTE = "taken back: the first order was refunded in full";

    private final LoyaltyRules rules;

    public ReferralRules(LoyaltyRules rules) {
        this.rules = rules;
    }

    /** The welcome's cause in the referred customer's ledger. */
    public static String welcomeCause() {
        return LedgerEntry.causeOf(Kind.REFERRAL, WELCOME);
    }

    /** The welcome's reversal, in the referred customer's ledger. */
    public static String welcomeRefundedCause() {
        return welcomeCause() + REFUNDED;
    }

    /** The sharer's reward for bringing {@code referredId}, in the sharer's ledger. */
    public static String sharerCause(String referredId) {
        return LedgerEntry.causeOf(Kind.REFERRAL, referredId);
    }

    /** The sharer's reward's reversal. */
    public static String sharerRefundedCause(String referredId) {
        return sharerCause(referredId) + REFUNDED;
    }

    /**
     * The referral a customer's first order rewards: who referred them, never themselves; empty when no one
     * did or the app rewards referrals with nothing.
     */
    public Optional<Referral> rewardable(String customerId, Referral referredBy) {
        LoyaltySettings s = rules.settings();
        if (referredBy == null || referredBy.sharerId().equals(customerId)
                || s.referralPoints() == 0 && s.referralWelcomePoints() == 0) {
            return Optional.empty();
        }
        return Optional.of(referredBy);
    }

    /**
     * A server order ({@link LoyaltyRules#orderPaid}) of a customer whose {@code referral} is rewardable
     * (null: none). When the account holds no server order before it and no welcome was granted
     * ({@code welcome} null), it is the first order: the welcome bonus joins its change, so the two are
     * written together, once.
     */
    public LoyaltyOutcome orderPaid(PointsAccount account, Referral referral, LedgerEntry welcome, String orderId,
                                    Instant paidAt, long amountFen, Instant now) {
        boolean first = account.orders().isEmpty() && welcome == null;
        LoyaltyOutcome paid = rules.orderPaid(account, orderId, paidAt, amountFen, now);
        if (referral == null || !first || !(paid instanceof Changed c) || c.entries().isEmpty()) {
            return paid;
        }
        long points = rules.settings().referralWelcomePoints();
        PointsAccount after = c.after().earn(points, rules.today(now).plusDays(rules.settings().expiryDays()));
        List<LedgerEntry> entries = new ArrayList<>(c.entries());
        entries.add(new LedgerEntry(welcomeCause(), Kind.REFERRAL, points, after.balance(), paidAt, orderId,
                WELCOME_NOTE));
        return new Changed(after, entries, c.levelChange());
    }

    /** Whether a change is the one that granted the welcome (then the sharer is rewarded next). */
    public static boolean grantsWelcome(Changed change) {
        return change.entries().stream().anyMatch(e -> e.cause().equals(welcomeCause()));
    }

    /** Whether a change is the one that took the welcome back (then the sharer's reward is taken back next). */
    public static boolean takesWelcomeBack(Changed change) {
        return change.entries().stream().anyMatch(e -> e.cause().equals(welcomeRefundedCause()));
    }

    /**
     * The sharer's reward for bringing {@code referredId}, whose first order was just paid; remembered as the
     * sharer's latest referral reward (the {@code referral_rewarded} campaign trigger).
     */
    public LoyaltyOutcome sharerRewarded(PointsAccount sharer, String referredId, Instant now) {
        long points = rules.settings().referralPoints();
        PointsAccount after = sharer.earn(points, rules.today(now).plusDays(rules.settings().expiryDays()))
                .withLastReferral(new ReferralReward(referredId, now));
        return new Changed(after, List.of(new LedgerEntry(sharerCause(referredId), Kind.REFERRAL, points,
                after.balance(), now, referredId, SHARER_NOTE)), null);
    }

    /**
     * A server refund ({@link LoyaltyRules#refunded}) of a referred customer whose {@code welcome} names
     * the first order (null: no welcome was granted). The refund that completes the first order's refund
     * takes the welcome back in the same change; a partial refund, or a refund of another order, does not.
     */
    public LoyaltyOutcome refunded(PointsAccount account, LedgerEntry welcome, String refundId, String orderId,
                                   long amountFen, Instant refundedAt) {
        LoyaltyOutcome refund = rules.refunded(account, refundId, orderId, amountFen, refundedAt);
        AccountOrder before = account.orders().get(orderId);
        if (welcome == null || !orderId.equals(welcome.ref()) || before == null
                || before.refundedFen() >= before.amountFen() || !(refund instanceof Changed c)) {
            return refund;
        }
        AccountOrder after = c.after().orders().get(orderId);
        if (after == null || after.refundedFen() < after.amountFen()) {
            return refund;
        }
        PointsAccount taken = c.after().takeBack(welcome.points());
        List<LedgerEntry> entries = new ArrayList<>(c.entries());
        entries.add(new LedgerEntry(welcomeRefundedCause(), Kind.REFERRAL, -welcome.points(), taken.balance(),
                refundedAt, orderId, REFUNDED_NOTE));
        return new Changed(taken, entries, c.levelChange());
    }

    /**
     * Takes back the sharer's {@code reward} for bringing {@code referredId}, whose first order was refunded
     * in full; a campaign not yet told about that reward no longer will be.
     */
    public LoyaltyOutcome sharerRefunded(PointsAccount sharer, LedgerEntry reward, String referredId, Instant now) {
        PointsAccount after = sharer.takeBack(reward.points());
        if (after.lastReferral() != null && after.lastReferral().referredId().equals(referredId)) {
            after = after.withLastReferral(null);
        }
        return new Changed(after, List.of(new LedgerEntry(sharerRefundedCause(referredId), Kind.REFERRAL,
                -reward.points(), after.balance(), now, referredId, REFUNDED_NOTE)), null);
    }
}
