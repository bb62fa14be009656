package com.mplifecycle.domain.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.campaign.PushAttribution;
import com.mplifecycle.domain.event.EventType;
import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.domain.funnel.FunnelDays;
import com.mplifecycle.domain.funnel.FunnelStep;
import com.mplifecycle.domain.profile.Cart;
import com.mplifecycle.domain.profile.CheckInStreak;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.Demographics;
import com.mplifecycle.domain.profile.Order;

/**
 * Folds tracking events into a profile and applies the stage promotions they cause.
 *
 * <p>Every step is idempotent: folding an event that is already in the profile changes nothing
 * (days are sets, orders and refunds are keyed by id, also once archived, credits by the granting
 * event's id), so a redelivered stream record or a retried request cannot count twice.
 */
public final class ProfileFolder {
    /**
     * The new profile, the stage changes, in order, that the events caused, and the funnel steps
     * they newly reached per local day (to be counted with the profile's write).
     */
    public record Result(CustomerProfile profile, List<StageChange> changes,
                         Map<LocalDate, List<FunnelStep>> funnelReached) {
        public Result {
            changes = List.copyOf(changes);
            funnelReached = Map.copyOf(funnelReached);
        }
    }

    private final ZoneId zone;
    private final StageRules rules;
    private final ProfilePruner pruner;

    public ProfileFolder(AppSettings settings) {
        this.zone = settings.timeZone();
        this.rules = new StageRules(settings.lifecycle());
        this.pruner = new ProfilePruner(settings.timeZone());
    }

    public Result fold(CustomerProfile before, String openid, List<TrackedEvent> events) {
        List<TrackedEvent> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparing(TrackedEvent::ts).thenComparing(TrackedEvent::eventId));
        CustomerProfile p = before;
        if (p.openid() == null && openid != null) {
            p = p.toBuilder().openid(openid).build();
        }
        List<StageChange> changes = new ArrayList<>();
        for (TrackedEvent event : ordered) {
            LocalDate day = LocalDate.ofInstant(event.ts(), zone);
            p = apply(noteActivity(p, event, day), event);
            if (p.orders().size() > 2 * ProfileBounds.ORDERS_KEPT) {
                // a flood of orders in one batch: sum the oldest now, not after thousands of list copies
                p = pruner.prune(p);
            }
            for (StageChange change : rules.afterActivity(p, event.ts(), day)) {
                changes.add(change);
                CustomerProfile.Builder b = p.toBuilder().stage(change.to(), change.at());
                if (change.isReactivation()) {
                    b.reactivations(p.reactivations() + 1);
                }
                p = b.build();
            }
        }
        FunnelDays.Advance funnel = p.funnel().advance(ordered, zone);
        return new Result(pruner.prune(p.toBuilder().funnel(funnel.after()).build()), changes, funnel.reached());
    }

    private static CustomerProfile noteActivity(CustomerProfile p, TrackedEvent e, LocalDate day) {
        TreeSet<Integer> days = new TreeSet<>(p.activeDays());
        days.add((int) day.toEpochDay());
        Instant first = p.firstSeenAt() == null || e.ts().isBefore(p.firstSeenAt()) ? e.ts() : p.firstSeenAt();
        Instant last = p.lastActiveAt() == null || e.ts().isAfter(p.lastActiveAt()) ? e.ts() : p.lastActiveAt();
        return p.toBuilder().activeDays(List.copyOf(days)).firstSeenAt(first).lastActiveAt(last).build();
    }

    private CustomerProfile apply(CustomerProfile p, TrackedEvent e) {
        EventType type = e.type();
        if (type == EventType.ORDER_PAID) {
            CustomerProfile after = paid(p, e);
            // only a newly folded order converts: a redelivered one leaves the profile as it was
            return after == p ? p : PushAttribution.afterOrder(after, e.string("orderId"), e.ts());
        } else if (type == EventType.ORDER_REFUNDED) {
            return refunded(p, e);
        } else if (type == EventType.ADD_TO_CART) {
            return addedToCart(p, e);
        } else if (type == EventType.CHECK_IN) {
            LocalDate date = LocalDate.parse(e.string("date"));
            CheckInStreak streak = p.checkIn() == null ? new CheckInStreak(date, 1) : p.checkIn().with(date);
            return p.toBuilder().checkIn(streak).build();
        } else if (type == EventType.SUBSCRIBE_RESULT) {
            return subscribed(p, e);
        } else if (type == EventType.PROFILE_UPDATE) {
            return profileUpdated(p, e);
        }
        return p;
    }

    private static CustomerProfile paid(CustomerProfile p, TrackedEvent e) {
        String orderId = e.string("orderId");
        List<Order> orders = new ArrayList<>(p.orders());
        int i = indexOf(orders, orderId);
        if (i >= 0 && orders.get(i).isPaid() || p.archivedOrderIds().counted(orderId, e.ts())) {
            return p;
        }
        Order existing = i >= 0 ? orders.remove(i) : null;
        orders.add(new Order(orderId, e.ts(), e.number("amountFen"), existing == null ? Map.of() : existing.refunds()));
        orders.sort(Comparator.comparing((Order o) -> o.paidAt() == null ? Instant.MIN : o.paidAt())
                .thenComparing(Order::orderId));
        Cart cart = p.cart() != null && !p.cart().updatedAt().isAfter(e.ts()) ? null : p.cart();
        return p.toBuilder().orders(orders).cart(cart).build();
    }

    private static CustomerProfile refunded(CustomerProfile p, TrackedEvent e) {
        String orderId = e.string("orderId");
        List<Order> orders = new ArrayList<>(p.orders());
        int i = indexOf(orders, orderId);
        Order order = i >= 0 ? orders.remove(i) : new Order(orderId, null, 0, Map.of());
        if (order.refunds().containsKey(e.eventId()) || !ProfileBounds.takesRefund(order, e.eventId())) {
            return p;
        }
        Map<String, Long> refunds = new HashMap<>(order.refunds());
        refunds.put(e.eventId(), e.number("amountFen"));
        orders.add(i >= 0 ? i : orders.size(), new Order(orderId, order.paidAt(), order.amountFen(), refunds));
        return p.toBuilder().orders(orders).build();
    }

    private static CustomerProfile addedToCart(CustomerProfile p, TrackedEvent e) {
        Cart cart = p.cart();
        if (cart != null && cart.updatedAt().isAfter(e.ts())) {
            return p;
        }
        Instant lastPaid = p.lastOrderAt();
        if (lastPaid != null && !lastPaid.isBefore(e.ts()) || !ProfileBounds.takesSku(cart, e.string("sku"))) {
            return p;
        }
        Map<String, Long> quantities = new HashMap<>(cart == null ? Map.of() : cart.quantities());
        long value = cart == null ? 0 : cart.valueFen();
        Long before = quantities.put(e.string("sku"), e.number("qty"));
        if (before == null) {
            value += e.number("qty") * e.number("priceFen");
        }
        return p.toBuilder().cart(new Cart(quantities, value, e.ts())).build();
    }

    private static CustomerProfile subscribed(CustomerProfile p, TrackedEvent e) {
        Map<String, List<String>> grants = new HashMap<>(p.creditGrants());
        @SuppressWarnings("unchecked")
        Map<String, Object> results = (Map<String, Object>) e.props().get("results");
        Set<String> granted = new HashSet<>();
        results.forEach((templateId, outcome) -> {
            String grant = e.eventId() + ":" + templateId;
            List<String> current = grants.getOrDefault(templateId, List.of());
            if ("accept".equals(outcome) && !current.contains(grant) && !p.spentGrants().containsKey(grant)) {
                List<String> next = new ArrayList<>(current);
                next.add(grant);
                grants.put(templateId, next);
                granted.add(templateId);
            }
        });
        return p.toBuilder().creditGrants(ProfileBounds.credits(grants, granted)).build();
    }

    @SuppressWarnings("unchecked")
    private static CustomerProfile profileUpdated(CustomerProfile p, TrackedEvent e) {
        Demographics d = p.demographics();
        if (d != null && d.updatedAt().isAfter(e.ts())) {
            return p;
        }
        Demographics next = new Demographics(
                e.has("birthday") ? e.string("birthday") : d == null ? null : d.birthday(),
                e.has("gender") ? e.string("gender") : d == null ? null : d.gender(),
                e.has("region") ? e.string("region") : d == null ? null : d.region(),
                e.has("tags") ? ProfileBounds.tags((List<String>) e.props().get("tags")) : d == null ? null : d.tags(),
                e.ts());
        return p.toBuilder().demographics(next).build();
    }

    private static int indexOf(List<Order> orders, String orderId) {
        for (int i = 0; i < orders.size(); i++) {
            if (orders.get(i).orderId().equals(orderId)) {
                return i;
            }
        }
        return -1;
    }
}
