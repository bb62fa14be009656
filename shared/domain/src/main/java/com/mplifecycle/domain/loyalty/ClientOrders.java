package com.mplifecycle.domain.loyalty;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the mini-program's own {@code order_paid}/{@code order_refunded} events count for
 * (setting {@code orders.clientOrders}). Points and growth come from the merchant's server only,
 * whatever this says; this decides stages and RFM.
 */
public enum ClientOrders {
    /** Client orders count for stages and RFM, as before server orders existed (the default). */
    COUNT("count"),
    /** Only server orders count: a customer cannot forge purchases. */
    IGNORE("ignore");

    private final String wireName;

    ClientOrders(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ClientOrders> fromWireName(String name) {
        return Arrays.stream(values()).filter(v -> v.wireName.equals(name)).findFirst();
    }
}
