package com.mplifecycle.domain.profile;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** What is in the cart since the last paid order: quantities by sku, and when it last changed. */
public record Cart(Map<String, Long> quantities, long valueFen, Instant updatedAt) {
    public Cart {
        quantities = Map.copyOf(quantities);
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
