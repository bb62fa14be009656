package com.mplifecycle.domain.loyalty;

import java.util.List;
import java.util.Objects;

/**
 * One app's earning rules and levels (settings field {@code loyalty}). Order points are
 * {@code pointsPerYuan} per whole yuan paid, times the level's multiplier, rounded down; a check-in
 * earns {@code checkInPoints}, {@code checkInStep} more per consecutive day, at most
 * {@code checkInMaxPoints}; the birthday bonus is granted once a year with the first order or
 * check-in on the birthday. Points expire {@code expiryDays} after the day they were earned;
 * customers are warned {@code expiringNoticeDays} before. A missed day of the last
 * {@code makeUpDays} can be made up for {@code makeUpCost} points. Growth is yuan of server orders in
 * the last {@code growthWindowDays}, refunds deducted; {@code levels} ascend from growth 0.
 * A customer acquired through another's share earns {@code referralWelcomePoints} with their first
 * server order and the sharer {@code referralPoints} ({@link ReferralRules}); absent in settings stored
 * before they existed, they read as the defaults.
 */
public record LoyaltySettings(int pointsPerYuan, int checkInPoints, int checkInStep, int checkInMaxPoints,
                              int birthdayPoints, int expiryDays, int expiringNoticeDays, int makeUpCost,
                              int makeUpDays, int growthWindowDays, List<Level> levels, Integer referralPoints,
                              Integer referralWelcomePoints) {
    public static final List<Level> DEFAULT_LEVELS = List.of(
            new Level("普通", 0, 1.0), new Level("银卡", 500, 1.2), new Level("金卡", 2_000, 1.5),
            new Level("铂金", 5_000, 2.0), new Level("钻石", 10_000, 3.0));
    public static final int DEFAULT_REFERRAL_POINTS = 100;
    public static final int DEFAULT_REFERRAL_WELCOME_POINTS = 50;
    public static final LoyaltySettings DEFAULTS = new LoyaltySettings(1, 10, 5, 30, 100, 365, 7, 20, 7, 365,
            DEFAULT_LEVELS);

    /** Bounds of the settings (the settings reader answers them as reasons). */
    public static final int MAX_POINTS_PER_YUAN = 10_000;
    public static final int MAX_CHECK_IN_POINTS = 10_000;
    public static final int MAX_CHECK_IN_MAX_POINTS = 100_000;
    public static final int MAX_BONUS_POINTS = 100_000;
    public static final int MAX_DAYS = 3650;
    public static final int MAX_NOTICE_DAYS = 365;
    public static final int MAX_MAKE_UP_DAYS = 31;
    public static final int MAX_LEVELS = 20;

    public LoyaltySettings {
        referralPoints = referralPoints == null ? DEFAULT_REFERRAL_POINTS : referralPoints;
        referralWelcomePoints = referralWelcomePoints == null ? DEFAULT_REFERRAL_WELCOME_POINTS : referralWelcomePoints;
        requireRange("referralPoints", referralPoints, 0, MAX_BONUS_POINTS);
        requireRange("referralWelcomePoints", referralWelcomePoints, 0, MAX_BONUS_POINTS);
        Objects.requireNonNull(levels, "levels");
        levels = List.copyOf(levels);
        requireRange("pointsPerYuan", pointsPerYuan, 0, MAX_POINTS_PER_YUAN);
        requireRange("checkInPoints", checkInPoints, 0, MAX_CHECK_IN_POINTS);
        requireRange("checkInStep", checkInStep, 0, MAX_CHECK_IN_POINTS);
        requireRange("checkInMaxPoints", checkInMaxPoints, checkInPoints, MAX_CHECK_IN_MAX_POINTS);
        requireRange("birthdayPoints", birthdayPoints, 0, MAX_BONUS_POINTS);
        requireRange("expiryDays", expiryDays, 1, MAX_DAYS);
        requireRange("expiringNoticeDays", expiringNoticeDays, 1, MAX_NOTICE_DAYS);
        requireRange("makeUpCost", makeUpCost, 0, MAX_BONUS_POINTS);
        requireRange("makeUpDays", makeUpDays, 0, MAX_MAKE_UP_DAYS);
        requireRange("growthWindowDays", growthWindowDays, 1, MAX_DAYS);
        if (levels.isEmpty() || levels.get(0).growth() != 0) {
            throw new IllegalArgumentException("levels must start with a level at growth 0");
        }
        for (int i = 1; i < levels.size(); i++) {
            if (levels.get(i).growth() <= levels.get(i - 1).growth()) {
                throw new IllegalArgumentException("levels must ascend by growth");
            }
            for (int j = 0; j < i; j++) {
                if (levels.get(j).name().equals(levels.get(i).name())) {
                    throw new IllegalArgumentException("level names must be distinct");
                }
            }
        }
        if (levels.size() > MAX_LEVELS) {
            throw new IllegalArgumentException("at most " + MAX_LEVELS + " levels");
        }
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be from " + min + " to " + max);
        }
    }

    /** The rules with the default referral rewards. */
    public LoyaltySettings(int pointsPerYuan, int checkInPoints, int checkInStep, int checkInMaxPoints,
                           int birthdayPoints, int expiryDays, int expiringNoticeDays, int makeUpCost,
                           int makeUpDays, int growthWindowDays, List<Level> levels) {
        this(pointsPerYuan, checkInPoints, checkInStep, checkInMaxPoints, birthdayPoints, expiryDays,
                expiringNoticeDays, makeUpCost, makeUpDays, growthWindowDays, levels, null, null);
    }

    /** These rules with other referral rewards. */
    public LoyaltySettings withReferral(int referralPoints, int referralWelcomePoints) {
        return new LoyaltySettings(pointsPerYuan, checkInPoints, checkInStep, checkInMaxPoints, birthdayPoints,
                expiryDays, expiringNoticeDays, makeUpCost, makeUpDays, growthWindowDays, levels, referralPoints,
                referralWelcomePoints);
    }

    /** The level of a name, or the lowest when the name is unknown (levels were renamed). */
    public int indexOf(String levelName) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).name().equals(levelName)) {
                return i;
            }
        }
        return 0;
    }

    /** Whether a level of this name exists. */
    public boolean isLevel(String levelName) {
        return levels.stream().anyMatch(l -> l.name().equals(levelName));
    }

    /** The highest level whose growth threshold {@code growth} reaches. */
    public int indexFor(long growth) {
        int index = 0;
        for (int i = 0; i < levels.size(); i++) {
            if (growth >= levels.get(i).growth()) {
                index = i;
            }
        }
        return index;
    }
}
