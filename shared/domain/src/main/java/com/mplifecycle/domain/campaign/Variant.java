package com.mplifecycle.domain.campaign;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** One variant of a campaign: its share of the non-holdout customers and the keyword values it overrides. */
public record Variant(String id, int weight, Map<String, String> data) {
    public Variant {
        Objects.requireNonNull(id, "id");
        data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }
}
