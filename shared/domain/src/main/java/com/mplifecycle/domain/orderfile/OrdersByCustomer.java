package com.mplifecycle.domain.orderfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The orders of a file grouped by customer, so that each profile is read and written once per
 * import whatever the order of the lines. A line repeating an order (same customer, id, time
 * and amount) is a duplicate and counts once; a line reusing an order id for another time or
 * amount is rejected. Not thread-safe; memory grows with the orders of the file (a few hundred
 * bytes each).
 */
public final class OrdersByCustomer {
    private final Map<String, Map<String, ImportedOrder>> byCustomer = new LinkedHashMap<>();
    private int orders;
    private int duplicates;

    /** Adds a parsed order; returns the rejection when its order id is already taken. */
    public Optional<RejectedLine> add(ImportedOrder order) {
        Map<String, ImportedOrder> own = byCustomer.computeIfAbsent(order.customerId(), id -> new LinkedHashMap<>());
        ImportedOrder earlier = own.putIfAbsent(order.orderId(), order);
        if (earlier == null) {
            orders++;
            return Optional.empty();
        }
        if (earlier.sameOrderAs(order)) {
            duplicates++;
            return Optional.empty();
        }
        return Optional.of(new RejectedLine(order.lineNumber(), "order id " + order.orderId()
                + " is already on line " + earlier.lineNumber() + " with another time or amount"));
    }

    public List<CustomerOrders> customers() {
        List<CustomerOrders> all = new ArrayList<>(byCustomer.size());
        byCustomer.forEach((customerId, own) -> {
            ImportedOrder first = own.values().iterator().next();
            all.add(new CustomerOrders(customerId, first.openid(),
                    own.values().stream().map(ImportedOrder::toOrder).toList()));
        });
        return all;
    }

    public int customerCount() {
        return byCustomer.size();
    }

    /** Distinct orders added. */
    public int orderCount() {
        return orders;
    }

    /** Lines that repeated an order already added. */
    public int duplicateCount() {
        return duplicates;
    }
}
