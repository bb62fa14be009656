package com.mplifecycle.domain.loyalty;

import java.util.Objects;

/**
 * A member level: reached at {@code growth} (yuan of server orders in the window), with its points
 * multiplier. A multiplier below 1 would make a higher level earn less than the lowest, so levels
 * multiply from 1 to {@link #MAX_MULTIPLIER}, in hundredths (what earning rounds them to).
 */
public record Level(String name, long growth, double multiplier) {
    public static final int MAX_NAME = 32;
    public static final long MAX_GROWTH = 100_000_000;
    public static final double MIN_MULTIPLIER = 1;
    public static final double MAX_MULTIPLIER = 10;

    public Level {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.codePointCount(0, name.length()) > MAX_NAME) {
            throw new IllegalArgumentException("level name must be 1 to " + MAX_NAME + " characters");
        }
        if (growth < 0 || growth > MAX_GROWTH) {
            throw new IllegalArgumentException("level growth must be from 0 to " + MAX_GROWTH);
        }
        if (!(multiplier >= MIN_MULTIPLIER && multiplier <= MAX_MULTIPLIER)) {
            throw new IllegalArgumentException("level multiplier must be from 1 to 10");
        }
    }

    /** The multiplier in hundredths, as earning applies it. */
    public long multiplierHundredths() {
        return Math.round(multiplier * 100);
    }
}
