package com.mplifecycle.domain.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.profile.CustomerProfile;

/**
 * What makes a campaign due for a customer. Each trigger reads the profile only, so the scheduled
 * sweep and the stage-change event reach the same verdict, and names the occurrence it is due for:
 * the key that makes (campaign, customer, occurrence) unique, derived from profile data (never from
 * the clock) so that every run sees the same key for the same situation.
 *
 * <p>A trigger stays due for {@link #GRACE} after the moment it became due, long enough to survive
 * quiet hours (22:00–08:00) and missed runs, short enough that old history does not fire when a
 * campaign is created. Birthday and streak triggers end with their local day instead.
 */
public sealed interface Trigger {
    Duration GRACE = Duration.ofHours(24);

    /** The wire name: {@code stage_entered}, {@code inactive}, ... */
    String type();

    /** The occurrence this trigger is due for at {@code now}, or empty when it is not due. */
    Optional<String> occurrence(CustomerProfile p, Instant now, ZoneId zone);

    /** Due from {@code since} until {@code since + GRACE}. */
    private static boolean within(Instant since, Instant now) {
        return since != null && !now.isBefore(since) && now.isBefore(since.plus(GRACE));
    }

    private static Optional<String> dueWithin(Instant since, Instant now, String key) {
        return within(since, now) ? Optional.of(key + ":" + since.toEpochMilli()) : Optional.empty();
    }

    /** Entered {@code stage} (DECLINING → win-back, CHURNED → last call). */
    record StageEntered(Stage stage) implements Trigger {
        public StageEntered {
            Objects.requireNonNull(stage, "stage");
        }

        public String type() {
            return "stage_entered";
        }

        public Optional<String> occurrence(CustomerProfile p, Instant now, ZoneId zone) {
            return p.stage() == stage ? dueWithin(p.stageSince(), now, "stage-" + stage.name()) : Optional.empty();
        }
    }

    /** Came back from DECLINING or CHURNED; the n-th reactivation is its own occurrence. */
    record Reactivated() implements Trigger {
        public String type() {
            return "reactivated";
        }

        public Optional<String> occurrence(CustomerProfile p, Instant now, ZoneId zone) {
            boolean back = p.reactivations() > 0 && p.stage() != null && !p.stage().isLapsed();
            return back && within(p.stageSince(), now) ? Optional.of("reactivated:" + p.reactivations())
                    : Optional.empty();
        }
    }

    /** No activity for {@code days} while GROWING or MATURE; each quiet spell once. */
    record Inactive(int days) implements Trigger {
        public String type() {
            return "inactive";
        }

        public Optional<String> occurrence(CustomerProfile p, Instant now, ZoneId zone) {
            boolean engaged = p.stage() == Stage.GROWING || p.stage() == Stage.MATURE;
            return engaged && p.lastActiveAt() != null && within(p.lastActiveAt().plus(Duration.ofDays(days)), now)
                    ? Optional.of("inactive:" + p.lastActiveAt().toEpochMilli()) : Optional.empty();
        }
    }

    /** Something in the cart and no paid order for {@code hours} since it last changed. */
    record CartAbandoned(int hours) implements Trigger {
        public String type() {
            return "cart_abandoned";
        }

        public Optional<String> occurrence(CustomerProfile p, Instant now, ZoneId zone) {
            if (p.cart() == null || p.cart().quantities().isEmpty()) {
                return Optional.empty();
            }
            Instant changed = p.cart().updatedAt();
            return within(changed.plus(Duration.ofHours(hours)), now)
                    ? Optional.of("cart:" + changed.toEpochMilli()) : Optional.empty();
        }
    }

    /** {@code days} after the first paid order (review reminder, repurchase coupon). */
    record AfterFirstOrder(int days) implements Trigger {
        public String type() {
            return "after_first_order";
        }

        public Optional<String> occurrence(CustomerProfile p, Instant now, ZoneId zone) {
            Instant first = p.firstOrderAt();
            return first != null && p.archivedOrders() == 0 && p.orderDays().isEmpty() && within(first.plus(Duration.ofDays(days)), now)
                    ? Optional.of("first-order:" + first.toEpochMilli()) : Optional.empty();
        }
    }

    /** First seen {@code days} ago and never paid (newcomer gift). */
    record NewcomerNoOrder(int days) implements Trigger {
        public String type() {
            return "newcomer_no_order";
        }

        public Optional<String> occurrence(CustomerProfile p, Instant now, ZoneId zone) {
            Instant first = p.firstSeenAt();
            return first != null && p.paidOrders() == 0 && within(first.plus(Duration.ofDays(days)), now)
                    ? Optional.of("newcomer:" + first.toEpochMilli()) : Optional.empty();
        }
    }

    /** The customer's birthday, all day in the app's time zone (29 February on 28 February in other years). */
    record Birthday() implements Trigger {
        public String type() {
            return "birthday";
        }

        public Optional<String> occurrence(CustomerProfile p, Instant now, ZoneId zone) {
            if (p.demographics() == null || p.demographics().birthday() == null) {
                return Optional.empty();
            }
            LocalDate today = LocalDate.ofInstant(now, zone);
            MonthDay birthday = MonthDay.parse("--" + p.demographics().birthday());
            LocalDate thisYear = birthday.isValidYear(today.getYear()) ? birthday.atYear(today.getYear())
                    : LocalDate.of(today.getYear(), 2, 28);
            return thisYear.equals(today) ? Optional.of("birthday:" + today.getYear()) : Optional.empty();
        }
    }

    /** A check-in streak of at least {@code minStreak} that breaks at midnight unless the customer checks in today. */
    record StreakAtRisk(int minStreak, LocalTime at) implements Trigger {
        public StreakAtRisk {
            Objects.requireNonNull(at, "at");
        }

        public String type() {
            return "streak_at_risk";
        }

        public Optional<String> occurrence(CustomerProfile p, Instant now, ZoneId zone) {
            ZonedDateTime local = now.atZone(zone);
            LocalDate today = local.toLocalDate();
            boolean atRisk = p.checkIn() != null && p.checkIn().length() >= minStreak
                    && p.checkIn().lastDate().equals(today.minusDays(1));
            return atRisk && !local.toLocalTime().isBefore(at) ? Optional.of("streak:" + today) : Optional.empty();
        }
    }

    /** An operator resolved the customer's feedback: tell them it was handled, once per feedback. */
    record FeedbackResolved() implements Trigger {
        public String type() {
            return "feedback_resolved";
        }

        public Optional<String> occurrence(CustomerProfile p, Instant now, ZoneId zone) {
            return p.lastResolvedFeedback() != null && within(p.lastResolvedFeedback().resolvedAt(), now)
                    ? Optional.of("feedback:" + p.lastResolvedFeedback().feedbackId()) : Optional.empty();
        }
    }
}
