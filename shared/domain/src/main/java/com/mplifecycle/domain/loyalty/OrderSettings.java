package com.mplifecycle.domain.loyalty;

import java.util.Objects;

/** Per-app settings of where orders come from (settings field {@code orders}). */
public record OrderSettings(ClientOrders clientOrders) {
    public static final OrderSettings DEFAULTS = new OrderSettings(ClientOrders.COUNT);

    public OrderSettings {
        Objects.requireNonNull(clientOrders, "clientOrders");
    }

    public boolean clientOrdersCount() {
        return clientOrders == ClientOrders.COUNT;
    }
}
