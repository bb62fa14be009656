package com.mplifecycle.domain.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.LoyaltyStatus;

/**
 * What makes a campaign due for a customer. Each trigger reads the profile only, so the scheduled
 * sweep and the stage-change event reach the same verdict, and names the {@link Occurrence} its data
 * points to: its key, derived from profile data (never from the clock) so that every run sees the
 * same key for the same situation, and the moments it is due between. Whether it is due now is the
 * occurrence's rule ({@link Occurrence#isDue}), which needs the app's sending policy.
 */
public sealed interface Trigger {
    /** The wire name: {@code stage_entered}, {@code inactive}, ... */
    String type();

    /**
     * The occurrence the profile's data points to at {@code now}: the one that began last, or the
     * next one when it has not begun yet; empty when there is none.
     */
    Optional<Occurrence> occurrence(CustomerProfile p, Instant now, ZoneId zone);

    /** Due from {@code at} (empty when there is no such moment). */
    private static Optional<Occurrence> from(Instant at, String key) {
        return at == null ? Optional.empty() : Optional.of(Occurrence.from(key, at));
    }

    /** The current stage's occurrence: keyed on when the stage began, due from when it was known. */
    private static Optional<Occurrence> ofStage(CustomerProfile p, String key) {
        return p.stageSince() == null ? Optional.empty() : from(p.stageKnownAt(), key);
    }

    /** Entered {@code stage} (DECLINING → win-back, CHURNED → last call). */
    record StageEntered(Stage stage) implements Trigger {
        public StageEntered {
            Objects.requireNonNull(stage, "stage");
        }

        public String type() {
            return "stage_entered";
        }

        public Optional<Occurrence> occurrence(CustomerProfile p, Instant now, ZoneId zone) {
            return p.stage() == stage && p.stageSince() != null
                    ? ofStage(p, "stage-" + stage.name() + ":" + p.stageSince().toEpochMilli()) : Optional.empty();
        }
    }

    /** Came back from DECLINING or CHURNED; the n-th reactivation is its own occurrence. */
    record Reactivated() implements Trigger {
        public String type() {
            return "reactivated";
        }

        public Optional<Occurrence> occurrence(CustomerProfile p, Instant now, ZoneId zone) {
            boolean back = p.reactivations() > 0 && p.stage() != null && !p.stage().isLapsed();
            return back ? ofStage(p, "reactivated:" + p.reactivations()) : Optional.empty();
        }
    }

    /** No activity for {@code days} while GROWING or MATURE; each quiet spell once. */
    record Inactive(int days) implements Trigger {
        public String type() {
            return "inactive";
        }

        public Optional<Occurrence> occurrence(CustomerProfile p, Instant now, ZoneId zone) {
            boolean engaged = p.stage() == Stage.GROWING || p.stage() == Stage.MATURE;
            return engaged && p.lastActiveAt() != null
                    ? from(p.lastActiveAt().plus(Duration.ofDays(days)), "inactive:" + p.lastActiveAt().toEpochMilli())
                    : Optional.empty();
        }
    }

    /** Something in the cart and no paid order for {@code hours} since it last changed. */
    record CartAbandoned(int hours) implements Trigger {
        public String type() {
            return "cart_abandoned";
        }

        public Optional<Occurrence> occurrence(CustomerProfile p, Instant now, ZoneId zone) {
            if (p.cart() == null || p.cart().quantities().isEmpty()) {
                return Optional.empty();
            }
            Instant changed = p.cart().updatedAt();
            return from(changed.plus(Duration.ofHours(hours)), "cart:" + changed.toEpochMilli());
        }
    }

    /** {@code days} after the first paid order (review reminder, repurchase coupon). */
    record AfterFirstOrder(int days) implements Trigger {
        public String type() {
            return "after_first_order";
        }

        public Optional<Occurrence> occurrence(CustomerProfile p, Instant now, ZoneId zone) {
            Instant first = p.firstOrderAt();
            return first != null && p.archivedOrders() == 0 && p.orderDays().isEmpty()
                    ? from(first.plus(Duration.ofDays(days)), "first-order:" + first.toEpochMilli()) : Optional.empty();
        }
    }

    /** First seen {@code days} ago and never paid (newcomer gift). */
    record NewcomerNoOrder(int days) implements Trigger {
        public String type() {
            return "newcomer_no_order";
        }

        public Optional<Occurrence> occurrence(CustomerProfile p, Instant now, ZoneId zone) {
            Instant first = p.firstSeenAt();
            return first != null && p.paidOrders() == 0
                    ? from(first.plus(Duration.ofDays(days)), "newcomer:" + first.toEpochMilli()) : Optional.empty();
        }
    }

    /** The customer's birthday, all day in the app's time zone (29 February on 28 February in other years). */
    record Birthday() implements Trigger {
        public String type() {
            return "birthday";
        }

        public Optional<Occurrence> occurrence(CustomerProfile p, Instant now, ZoneId zone) {
            if (p.demographics() == null || p.demographics().birthday() == null) {
                return Optional.empty();
            }
            LocalDate today = LocalDate.ofInstant(now, zone);
            MonthDay birthday = MonthDay.parse("--" + p.demographics().birthday());
            LocalDate day = on(birthday, today.getYear());
            if (day.isBefore(today)) {
                day = on(birthday, today.getYear() + 1);
            }
            return Optional.of(new Occurrence("birthday:" + day.getYear(), day.atStartOfDay(zone).toInstant(),
                    day.plusDays(1).atStartOfDay(zone).toInstant()));
        }

        private static LocalDate on(MonthDay birthday, int year) {
            return birthday.isValidYear(year) ? birthday.atYear(year) : LocalDate.of(year, 2, 28);
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

        public Optional<Occurrence> occurrence(CustomerProfile p, Instant now, ZoneId zone) {
            if (p.checkIn() == null || p.checkIn().length() < minStreak) {
                return Optional.empty();
            }
            // the streak breaks at the end of the day after the last check-in
            LocalDate day = p.checkIn().lastDate().plusDays(1);
            return Optional.of(new Occurrence("streak:" + day, day.atTime(at).atZone(zone).toInstant(),
                    day.plusDays(1).atStartOfDay(zone).toInstant()));
        }
    }

    /**
     * {@code days} before the customer's next points expire, until the day before they do: once per
     * expiry day (the profile's {@link LoyaltyStatus}, kept by the loyalty function). Without days of
     * its own ({@code null}) the app's setting {@code loyalty.expiringNoticeDays} applies, as the status
     * carries it.
     */
    record PointsExpiring(Integer days) implements Trigger {
        public String type() {
            return "points_expiring";
        }

        public Optional<Occurrence> occurrence(CustomerProfile p, Instant now, ZoneId zone) {
            LoyaltyStatus s = p.loyalty();
            if (s == null || s.nextExpiryOn() == null || s.nextExpiryPoints() <= 0) {
                return Optional.empty();
            }
            int notice = days != null ? days : s.noticeDaysInForce();
            return Optional.of(new Occurrence("points-expiring:" + s.nextExpiryOn(),
                    s.nextExpiryOn().minusDays(notice).atStartOfDay(zone).toInstant(),
                    s.nextExpiryOn().atStartOfDay(zone).toInstant()));
        }
    }

    /** The customer's member level went up: once per level-up, due for a day after it. */
    record LevelUp() implements Trigger {
        public String type() {
            return "level_up";
        }

        public Optional<Occurrence> occurrence(CustomerProfile p, Instant now, ZoneId zone) {
            LoyaltyStatus s = p.loyalty();
            return s == null || s.levelUpAt() == null ? Optional.empty()
                    : from(s.levelUpAt(), "level-up:" + s.levelUpAt().toEpochMilli());
        }
    }

    /**
     * The customer earned a referral reward (someone they brought paid a first order): once per customer
     * brought, due for a day after the reward (the profile's {@link LoyaltyStatus}, kept by the loyalty
     * function; a reward taken back before it was told is not told).
     */
    record ReferralRewarded() implements Trigger {
        public String type() {
            return "referral_rewarded";
        }

        public Optional<Occurrence> occurrence(CustomerProfile p, Instant now, ZoneId zone) {
            LoyaltyStatus s = p.loyalty();
            return s == null || s.referralRewardFor() == null ? Optional.empty()
                    : from(s.referralRewardAt(), "referral:" + s.referralRewardFor());
        }
    }

    /** An operator resolved the customer's feedback: tell them it was handled, once per feedback. */
    record FeedbackResolved() implements Trigger {
        public String type() {
            return "feedback_resolved";
        }

        public Optional<Occurrence> occurrence(CustomerProfile p, Instant now, ZoneId zone) {
            return p.lastResolvedFeedback() == null ? Optional.empty()
                    : from(p.lastResolvedFeedback().resolvedAt(), "feedback:" + p.lastResolvedFeedback().feedbackId());
        }
    }
}
