package com.mplifecycle.domain.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.junit.jupiter.api.Test;

/** Holdout and variant shares follow the settings over many customers, and assignment is stable. */
class StableBucketsTest {
    private static final int CUSTOMERS = 10_000;

    @ParameterizedTest
    @ValueSource(ints = {0, 5, 10, 25, 50})
    void isHoldout_shareWithinThreePointsOfSetting_over10000Customers(int percent) {
        int held = 0;
        for (int i = 0; i < CUSTOMERS; i++) {
            held += StableBuckets.isHoldout("winback", "c_" + Integer.toHexString(i * 7919), percent) ? 1 : 0;
        }

        double share = 100.0 * held / CUSTOMERS;
        assertTrue(Math.abs(share - percent) <= 3.0, "holdout share " + share + "% for a setting of " + percent + "%");
    }

    @Test
    void variant_sharesFollowWeights_andSameCustomerSameVariant() {
        List<Variant> variants = List.of(new Variant("A", 70, Map.of()), new Variant("B", 30, Map.of()));
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            counts.merge(StableBuckets.variant("cart", "c_" + i, variants).orElseThrow().id(), 1, Integer::sum);
        }

        assertTrue(Math.abs(counts.get("A") / 100.0 - 70) <= 3.0, counts.toString());
        assertEquals(StableBuckets.variant("cart", "c_42", variants), StableBuckets.variant("cart", "c_42", variants));
        assertEquals(Optional.empty(), StableBuckets.variant("cart", "c_42", List.of()));
    }
}
