package com.mplifecycle.domain.loyalty;

import java.util.Objects;

/**
 * Something customers buy with points: its cost, the stock left, the lowest level that may redeem it
 * (null: any), and whether it is offered at all.
 */
public record Reward(String rewardId, String name, long costPoints, long stock, String minLevel, boolean enabled) {
    public Reward {
        Objects.requireNonNull(rewardId, "rewardId");
        Objects.requireNonNull(name, "name");
        if (costPoints < 1) {
            throw new IllegalArgumentException("costPoints must be at least 1");
        }
        if (stock < 0) {
            throw new IllegalArgumentException("stock must not be negative");
        }
    }
}
