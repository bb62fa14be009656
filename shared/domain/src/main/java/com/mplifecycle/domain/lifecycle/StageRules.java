package com.mplifecycle.domain.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.Order;
import com.mplifecycle.domain.profile.OrderDay;

/**
 * The stage rules of docs/product.md (Stages) as pure functions of a profile and a time.
 *
 * <p>Promotions ({@link #afterActivity}) happen as events are folded; decay ({@link #decay})
 * happens in the scheduled run because absence produces no event. Where a churn model is fitted
 * for a buyer, its probability alive refines decay: DECLINING needs both the inactivity threshold
 * and {@code pAlive} under its threshold, and CHURNED comes from {@code pAlive} alone once the
 * customer is inactive past the declining threshold. So a weekly buyer silent for three weeks is
 * flagged while a quarterly buyer silent as long is not. Without a model, the day thresholds decide.
 */
public final class StageRules {
    private final LifecycleThresholds thresholds;

    public StageRules(LifecycleThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /**
     * The changes that activity at {@code at} (on local {@code day}) causes, given the profile
     * with that activity already folded in. First contact enters NEW and may promote at once.
     */
    public List<StageChange> afterActivity(CustomerProfile p, Instant at, LocalDate day) {
        List<StageChange> changes = new ArrayList<>(2);
        Stage current = p.stage();
        if (current == null) {
            changes.add(change(p, null, Stage.NEW, at, "first_seen"));
            current = Stage.NEW;
        }
        Stage qualified = qualifiedStage(p, at, day);
        if (current.isLapsed()) {
            if (p.stageSince() == null || at.isAfter(p.stageSince())) {
                changes.add(change(p, current, qualified == Stage.MATURE ? Stage.MATURE : Stage.GROWING, at,
                        "reactivated"));
            }
        } else if (qualified.ordinal() > current.ordinal()) {
            changes.add(change(p, current, qualified, at, promotionReason(p, at, qualified)));
        }
        return changes;
    }

    /** The decay due at {@code now}, if any; {@code pAlive} is present only for a fitted buyer. */
    public Optional<StageChange> decay(CustomerProfile p, Instant now, OptionalDouble pAlive) {
        Stage current = p.stage();
        if (current == null || current == Stage.CHURNED || p.lastActiveAt() == null) {
            return Optional.empty();
        }
        Duration inactive = Duration.between(p.lastActiveAt(), now);
        Duration declineAfter = Duration.ofDays(thresholds.decliningInactiveDays());
        Duration churnAfter = Duration.ofDays(thresholds.churnedInactiveDays());
        boolean engaged = current == Stage.GROWING || current == Stage.MATURE || current == Stage.DECLINING;
        if (pAlive.isPresent() && engaged) {
            if (inactive.compareTo(declineAfter) < 0) {
                return Optional.empty();
            }
            double alive = pAlive.getAsDouble();
            if (alive < thresholds.churnedPAlive()) {
                return Optional.of(change(p, current, Stage.CHURNED, now, "p_alive"));
            }
            if (alive < thresholds.decliningPAlive() && current != Stage.DECLINING) {
                return Optional.of(change(p, current, Stage.DECLINING, now, "p_alive"));
            }
            return Optional.empty();
        }
        if (inactive.compareTo(churnAfter) >= 0) {
            return Optional.of(change(p, current, Stage.CHURNED, p.lastActiveAt().plus(churnAfter),
                    "inactive_" + thresholds.churnedInactiveDays() + "d"));
        }
        if ((current == Stage.GROWING || current == Stage.MATURE) && inactive.compareTo(declineAfter) >= 0) {
            return Optional.of(change(p, current, Stage.DECLINING, p.lastActiveAt().plus(declineAfter),
                    "inactive_" + thresholds.decliningInactiveDays() + "d"));
        }
        return Optional.empty();
    }

    /** The highest of NEW, GROWING, MATURE the customer's activity and orders up to {@code at} reach. */
    Stage qualifiedStage(CustomerProfile p, Instant at, LocalDate day) {
        int activeDays = p.activeDaysWithin(day, thresholds.activeWindowDays());
        long orders = paidOrdersUpTo(p, at);
        if (orders >= thresholds.matureOrders() || activeDays >= thresholds.matureActiveDays()) {
            return Stage.MATURE;
        }
        if (orders >= thresholds.growingOrders() || activeDays >= thresholds.growingActiveDays()) {
            return Stage.GROWING;
        }
        return Stage.NEW;
    }

    private String promotionReason(CustomerProfile p, Instant at, Stage qualified) {
        long orders = paidOrdersUpTo(p, at);
        int needed = qualified == Stage.MATURE ? thresholds.matureOrders() : thresholds.growingOrders();
        return orders >= needed ? "paid_orders" : "active_days";
    }

    private static long paidOrdersUpTo(CustomerProfile p, Instant at) {
        return p.archivedOrders()
                + p.orderDays().stream().filter(d -> !d.first().isAfter(at)).mapToLong(OrderDay::orders).sum()
                + p.orders().stream()
                .filter(Order::counts)
                .filter(o -> !o.paidAt().isAfter(at))
                .count();
    }

    private static StageChange change(CustomerProfile p, Stage from, Stage to, Instant at, String reason) {
        return new StageChange(p.appId(), p.customerId(), from, to, at, reason);
    }
}
