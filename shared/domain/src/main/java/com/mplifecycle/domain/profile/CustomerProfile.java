package com.mplifecycle.domain.profile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import com.mplifecycle.domain.funnel.FunnelDays;
import com.mplifecycle.domain.lifecycle.Stage;

/**
 * The one profile model: everything the lifecycle rules, RFM, campaigns and statistics need to
 * know about a customer, kept compact because every write of it costs write units.
 *
 * <p>{@code activeDays} are epoch days in the app's time zone: the last 60 days plus the first 31
 * days after first seen (for D1/D7/D30 retention). {@code orders} covers about 400 days; older
 * orders are folded into the {@code archived*} totals, and {@code archivedOrderIds} remembers which
 * orders those totals hold so that none is counted twice. Beyond what the size budget lets the
 * item keep one by one, a day's older orders are summed in {@code orderDays} ({@link OrderDay}).
 * {@code creditGrants} holds, per WeChat
 * template, the ids of the {@code subscribe_result} events whose accept is not yet spent;
 * {@code spentGrants} remembers spent ones for a month so a redelivered event cannot re-grant.
 * {@code funnel} is the purchase funnel's progress of the customer's last days, so that the
 * stream function counts each step once per day, when the write that records it succeeds.
 * {@code referredBy} is who brought the customer (set once); {@code lastResolvedFeedback} the
 * customer's feedback resolved last (the {@code feedback_resolved} trigger). What the customer
 * brought and wrote is kept outside the profile (sharing records and the feedback inbox).
 * RFM scores and churn values are not kept here: they follow from the orders and the app's last
 * scheduled run ({@link CustomerScores}), so a run that moves a quintile boundary or refits the
 * churn model rewrites no profile.
 * {@code loyalty} is what campaigns need of the points account (level-up, next expiry), null until the
 * loyalty function first writes it; the account itself lives beside the profile.
 * {@code stageRecordedAt} is set only when the stage was recorded later than it began
 * ({@code stageSince}): the scheduled run finds a decay up to a day after the threshold passed,
 * and late events move the stage in the past. Campaign triggers measure their window from it, and
 * key their occurrence on {@code stageSince}.
 * {@code version} is the optimistic-locking counter of the stored item.
 */
public record CustomerProfile(
        String appId, String customerId, String openid,
        Stage stage, Instant stageSince, Instant stageRecordedAt, Instant firstSeenAt, Instant lastActiveAt,
        List<Integer> activeDays,
        List<Order> orders, long archivedOrders, long archivedRevenueFen, long archivedOrderDays,
        ArchivedOrderIds archivedOrderIds, List<OrderDay> orderDays,
        Cart cart, CheckInStreak checkIn, Demographics demographics,
        Map<String, List<String>> creditGrants, Map<String, Long> spentGrants,
        int reactivations, LastPush lastPush, FunnelDays funnel, LoyaltyStatus loyalty,
        Referral referredBy, ResolvedFeedback lastResolvedFeedback,
        long version) {

    public CustomerProfile {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(customerId, "customerId");
        activeDays = activeDays == null ? List.of() : List.copyOf(activeDays);
        orders = orders == null ? List.of() : List.copyOf(orders);
        archivedOrderIds = archivedOrderIds == null ? ArchivedOrderIds.NONE : archivedOrderIds;
        orderDays = orderDays == null ? List.of() : List.copyOf(orderDays);
        creditGrants = creditGrants == null ? Map.of() : creditGrants.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
        spentGrants = spentGrants == null ? Map.of() : Map.copyOf(spentGrants);
        funnel = funnel == null ? FunnelDays.NONE : funnel;
    }

    /** A profile with nothing folded into it yet. */
    public static CustomerProfile empty(String appId, String customerId) {
        return new CustomerProfile(appId, customerId, null, null, null, null, null, null, List.of(), List.of(), 0, 0, 0,
                ArchivedOrderIds.NONE, List.of(), null, null, null, Map.of(), Map.of(), 0, null, FunnelDays.NONE, null,
                null, null, 0);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public boolean isEmpty() {
        return stage == null;
    }

    /** When the current stage was known: recorded late ({@code stageRecordedAt}), or as it began. */
    public Instant stageKnownAt() {
        return stageRecordedAt != null ? stageRecordedAt : stageSince;
    }

    /** Paid orders that count (not fully refunded), lifetime. */
    public long paidOrders() {
        return archivedOrders + orderDays.stream().mapToLong(OrderDay::orders).sum()
                + orders.stream().filter(Order::counts).count();
    }

    public long revenueFen() {
        return archivedRevenueFen + orderDays.stream().mapToLong(OrderDay::netFen).sum()
                + orders.stream().filter(Order::isPaid).mapToLong(Order::netFen).sum();
    }

    public Instant lastOrderAt() {
        Instant kept = orders.stream().filter(Order::counts).map(Order::paidAt).max(Instant::compareTo).orElse(null);
        Instant summed = orderDays.stream().map(OrderDay::last).max(Instant::compareTo).orElse(null);
        return kept == null || summed != null && summed.isAfter(kept) ? summed : kept;
    }

    /** The first counted order the profile still holds (orders archived after 400 days are totals only). */
    public Instant firstOrderAt() {
        Instant kept = orders.stream().filter(Order::counts).map(Order::paidAt).min(Instant::compareTo).orElse(null);
        Instant summed = orderDays.stream().map(OrderDay::first).min(Instant::compareTo).orElse(null);
        return kept == null || summed != null && summed.isBefore(kept) ? summed : kept;
    }

    /** Unspent one-time subscription credits per template. */
    public Map<String, Integer> credits() {
        return creditGrants.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().size()));
    }

    /** Distinct active days in the {@code windowDays} days ending on {@code day} (inclusive). */
    public int activeDaysWithin(LocalDate day, int windowDays) {
        long last = day.toEpochDay();
        long first = last - windowDays + 1;
        return (int) activeDays.stream().filter(d -> d >= first && d <= last).count();
    }

    /** Mutable copy for building a changed profile; {@link #build()} returns the new value. */
    public static final class Builder {
        private String appId;
        private String customerId;
        private String openid;
        private Stage stage;
        private Instant stageSince;
        private Instant stageRecordedAt;
        private Instant firstSeenAt;
        private Instant lastActiveAt;
        private List<Integer> activeDays;
        private List<Order> orders;
        private long archivedOrders;
        private long archivedRevenueFen;
        private long archivedOrderDays;
        private ArchivedOrderIds archivedOrderIds;
        private List<OrderDay> orderDays;
        private Cart cart;
        private CheckInStreak checkIn;
        private Demographics demographics;
        private Map<String, List<String>> creditGrants;
        private Map<String, Long> spentGrants;
        private int reactivations;
        private LastPush lastPush;
        private FunnelDays funnel;
        private LoyaltyStatus loyalty;
        private Referral referredBy;
        private ResolvedFeedback lastResolvedFeedback;
        private long version;

        private Builder(CustomerProfile p) {
            appId = p.appId;
            customerId = p.customerId;
            openid = p.openid;
            stage = p.stage;
            stageSince = p.stageSince;
            stageRecordedAt = p.stageRecordedAt;
            firstSeenAt = p.firstSeenAt;
            lastActiveAt = p.lastActiveAt;
            activeDays = p.activeDays;
            orders = p.orders;
            archivedOrders = p.archivedOrders;
            archivedRevenueFen = p.archivedRevenueFen;
            archivedOrderDays = p.archivedOrderDays;
            archivedOrderIds = p.archivedOrderIds;
            orderDays = p.orderDays;
            cart = p.cart;
            checkIn = p.checkIn;
            demographics = p.demographics;
            creditGrants = p.creditGrants;
            spentGrants = p.spentGrants;
            reactivations = p.reactivations;
            lastPush = p.lastPush;
            funnel = p.funnel;
            loyalty = p.loyalty;
            referredBy = p.referredBy;
            lastResolvedFeedback = p.lastResolvedFeedback;
            version = p.version;
        }

        public Builder openid(String v) { openid = v; return this; }
        /** A stage entered at {@code since} and recorded as it happened. */
        public Builder stage(Stage v, Instant since) { return stage(v, since, null); }
        /** A stage entered at {@code since} but recorded only at {@code recordedAt} (found late). */
        public Builder stage(Stage v, Instant since, Instant recordedAt) {
            stage = v;
            stageSince = since;
            stageRecordedAt = recordedAt == null || since == null || !recordedAt.isAfter(since) ? null : recordedAt;
            return this;
        }
        public Builder firstSeenAt(Instant v) { firstSeenAt = v; return this; }
        public Builder lastActiveAt(Instant v) { lastActiveAt = v; return this; }
        public Builder activeDays(List<Integer> v) { activeDays = v; return this; }
        public Builder orders(List<Order> v) { orders = v; return this; }
        public Builder archived(long ordersCount, long revenueFen, long orderDays) {
            archivedOrders = ordersCount;
            archivedRevenueFen = revenueFen;
            archivedOrderDays = orderDays;
            return this;
        }
        public Builder archivedOrderIds(ArchivedOrderIds v) { archivedOrderIds = v; return this; }
        public Builder orderDays(List<OrderDay> v) { orderDays = v; return this; }
        public Builder cart(Cart v) { cart = v; return this; }
        public Builder checkIn(CheckInStreak v) { checkIn = v; return this; }
        public Builder demographics(Demographics v) { demographics = v; return this; }
        public Builder creditGrants(Map<String, List<String>> v) { creditGrants = v; return this; }
        public Builder spentGrants(Map<String, Long> v) { spentGrants = v; return this; }
        public Builder reactivations(int v) { reactivations = v; return this; }
        public Builder lastPush(LastPush v) { lastPush = v; return this; }
        public Builder funnel(FunnelDays v) { funnel = v; return this; }
        public Builder loyalty(LoyaltyStatus v) { loyalty = v; return this; }
        public Builder referredBy(Referral v) { referredBy = v; return this; }
        public Builder lastResolvedFeedback(ResolvedFeedback v) { lastResolvedFeedback = v; return this; }
        public Builder version(long v) { version = v; return this; }

        public CustomerProfile build() {
            return new CustomerProfile(appId, customerId, openid, stage, stageSince, stageRecordedAt, firstSeenAt,
                    lastActiveAt, activeDays, orders, archivedOrders, archivedRevenueFen, archivedOrderDays,
                    archivedOrderIds, orderDays, cart, checkIn, demographics, creditGrants, spentGrants, reactivations,
                    lastPush, funnel, loyalty, referredBy, lastResolvedFeedback, version);
        }
    }
}
