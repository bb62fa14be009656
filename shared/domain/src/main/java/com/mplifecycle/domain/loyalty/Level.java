package com.mplifecycle.domain.loyalty;

import java.util.Objects;

/** A member level: reached at {@code growth} (yuan of server orders in the window), with its points multiplier. */
public record Level(String name, long growth, double multiplier) {
    public Level {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > 32) {
            throw new IllegalArgumentException("level name must be 1 to 32 characters");
        }
        if (growth < 0) {
            throw new IllegalArgumentException("level growth must not be negative");
        }
        if (!(multiplier >= 0.1 && multiplier <= 10)) {
            throw new IllegalArgumentException("level multiplier must be from 0.1 to 10");
        }
    }
}
