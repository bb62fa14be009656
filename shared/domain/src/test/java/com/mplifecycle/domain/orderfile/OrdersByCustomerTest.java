package com.mplifecycle.domain.orderfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class OrdersByCustomerTest {
    private static final Instant T = Instant.parse("2025-06-01T02:00:00Z");
    private final OrdersByCustomer grouped = new OrdersByCustomer();

    private static ImportedOrder order(int line, String customer, String id, long fen) {
        return new ImportedOrder(line, customer, null, id, T, fen);
    }

    @Test
    void add_linesOfTwoCustomersInterleaved_groupsThemInFirstSeenOrder() {
        grouped.add(order(2, "a", "o1", 100));
        grouped.add(order(3, "b", "o2", 200));
        grouped.add(order(4, "a", "o3", 300));

        List<CustomerOrders> customers = grouped.customers();

        assertEquals(List.of("a", "b"), customers.stream().map(CustomerOrders::customerId).toList());
        assertEquals(2, customers.get(0).orders().size());
        assertEquals(3, grouped.orderCount());
    }

    @Test
    void add_sameOrderTwice_countsADuplicateOnce() {
        grouped.add(order(2, "a", "o1", 100));

        Optional<RejectedLine> second = grouped.add(order(5, "a", "o1", 100));

        assertTrue(second.isEmpty());
        assertEquals(1, grouped.orderCount());
        assertEquals(1, grouped.duplicateCount());
    }

    @Test
    void add_orderIdReusedWithAnotherAmount_rejectsTheLaterLine() {
        grouped.add(order(2, "a", "o1", 100));

        Optional<RejectedLine> second = grouped.add(order(5, "a", "o1", 999));

        assertEquals(Optional.of(new RejectedLine(5, "order id o1 is already on line 2 with another time or amount")),
                second);
        assertEquals(100, grouped.customers().get(0).orders().get(0).amountFen());
    }
}
