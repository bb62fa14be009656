package com.mplifecycle.domain.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.profile.Cart;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.Order;

/**
 * Merges historical paid orders (an order import) into a profile, without the 30-day age limit
 * of live ingestion. The counterpart of {@link ProfileFolder} for orders that never were events.
 *
 * <p><b>Idempotent.</b> Orders are keyed by id, and every order a profile counts is either in its
 * order list or, once older than 400 days, in {@link CustomerProfile#archivedOrderIds()} (the
 * {@link ProfilePruner} invariant). An imported order whose id is in either place is skipped, so
 * merging the same orders again adds nothing and returns the profile unchanged; merging a file in
 * parts, or two overlapping files, counts each order once. Refunds on known orders are untouched.
 *
 * <p><b>Stage.</b> Orders are activity: first seen and last active stretch to the first and last
 * order, and the stage rules promote as the fold does, at the latest activity. When the latest
 * activity is an imported order (always for a customer the import creates), the silence since then
 * is known from the file, so the day-threshold decay is applied at {@code now} as well: a customer
 * whose last order was in 2011 arrives {@code CHURNED} (since last order + 60 days) rather than
 * {@code MATURE}, and the daily run has no backlog of decays to announce. Where live activity is
 * later, decay stays the daily run's. Changes are returned, not meant to be published: they
 * describe history, not something the customer just did; for the same reason a lapse followed by
 * a later imported order moves the stage back without counting a reactivation.
 */
public final class OrderImport {
    /** The merged profile; {@code added} new orders, {@code known} skipped as already counted. */
    public record Result(CustomerProfile profile, int added, int known, List<StageChange> changes) {
        public Result {
            changes = List.copyOf(changes);
        }
    }

    private static final Comparator<Order> BY_TIME = Comparator
            .comparing((Order o) -> o.paidAt() == null ? Instant.MIN : o.paidAt())
            .thenComparing(Order::orderId);

    private final ZoneId zone;
    private final StageRules rules;
    private final ProfilePruner pruner;

    public OrderImport(AppSettings settings) {
        this.zone = settings.timeZone();
        this.rules = new StageRules(settings.lifecycle());
        this.pruner = new ProfilePruner(settings.timeZone());
    }

    /** Merges paid {@code orders} (refund maps ignored) of one customer; {@code openid} may be null. */
    public Result merge(CustomerProfile before, String openid, List<Order> orders, Instant now) {
        CustomerProfile p = before.openid() == null && openid != null ? before.toBuilder().openid(openid).build()
                : before;
        Map<String, Order> byId = new LinkedHashMap<>();
        p.orders().forEach(o -> byId.put(o.orderId(), o));
        List<Order> added = new ArrayList<>();
        int known = 0;
        for (Order o : orders.stream().sorted(BY_TIME).toList()) {
            if (!o.isPaid()) {
                throw new IllegalArgumentException("imported order " + o.orderId() + " has no payment time");
            }
            Order existing = byId.get(o.orderId());
            if (existing != null && existing.isPaid() || p.archivedOrderIds().counted(o.orderId(), o.paidAt())) {
                known++;
                continue;
            }
            // a refund may have arrived before its order: keep it
            Order paid = new Order(o.orderId(), o.paidAt(), o.amountFen(),
                    existing == null ? Map.of() : existing.refunds());
            byId.put(paid.orderId(), paid);
            added.add(paid);
        }
        if (added.isEmpty()) {
            return new Result(p, 0, known, List.of());
        }
        List<Order> merged = new ArrayList<>(byId.values());
        merged.sort(BY_TIME);
        p = noteOrders(p.toBuilder().orders(merged).build(), added);
        List<StageChange> changes = new ArrayList<>(rules.afterActivity(p, p.lastActiveAt(), day(p.lastActiveAt())));
        Instant latestImported = added.get(added.size() - 1).paidAt();
        if (before.lastActiveAt() == null || latestImported.isAfter(before.lastActiveAt())) {
            CustomerProfile promoted = withStages(p, changes);
            rules.decay(promoted, now, OptionalDouble.empty()).ifPresent(changes::add);
        }
        return new Result(pruner.prune(withStages(p, changes)), added.size(), known, changes);
    }

    /** Order days are active days; first seen and last active cover the orders; a bought cart is gone. */
    private CustomerProfile noteOrders(CustomerProfile p, List<Order> added) {
        TreeSet<Integer> days = new TreeSet<>(p.activeDays());
        added.forEach(o -> days.add((int) day(o.paidAt()).toEpochDay()));
        Instant first = added.get(0).paidAt();
        Instant last = added.get(added.size() - 1).paidAt();
        Cart cart = p.cart() != null && !p.cart().updatedAt().isAfter(last) ? null : p.cart();
        return p.toBuilder().activeDays(List.copyOf(days)).cart(cart)
                .firstSeenAt(p.firstSeenAt() == null || first.isBefore(p.firstSeenAt()) ? first : p.firstSeenAt())
                .lastActiveAt(p.lastActiveAt() == null || last.isAfter(p.lastActiveAt()) ? last : p.lastActiveAt())
                .build();
    }

    private static CustomerProfile withStages(CustomerProfile p, List<StageChange> changes) {
        Optional<StageChange> last = changes.isEmpty() ? Optional.empty()
                : Optional.of(changes.get(changes.size() - 1));
        return last.map(c -> p.toBuilder().stage(c.to(), c.at()).build()).orElse(p);
    }

    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }
}
