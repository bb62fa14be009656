package com.mplifecycle.domain.orderfile;

import java.util.List;
import java.util.Objects;

import com.mplifecycle.domain.profile.Order;

/** One customer's orders from an order file: what one profile write merges. */
public record CustomerOrders(String customerId, String openid, List<Order> orders) {
    public CustomerOrders {
        Objects.requireNonNull(customerId, "customerId");
        orders = List.copyOf(orders);
    }
}
