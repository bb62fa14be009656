package com.mplifecycle.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.mplifecycle.domain.profile.CustomerIds;

class ServerOrdersTest {
    private static final Instant NOW = Instant.parse("2026-03-10T04:00:00Z");
    private final ServerOrders orders = new ServerOrders(Clock.fixed(NOW, ZoneOffset.UTC));

    private static Map<String, Object> order(String id, Object amount, Object paidAt) {
        return Map.of("orderId", id, "openid", "oA", "amountFen", amount, "paidAt", paidAt,
                "items", List.of(Map.of("sku", "s1", "qty", 1, "priceFen", 100)));
    }

    @Test
    void orders_eachValidatedWithAReason() {
        List<ServerOrders.Decision<ServerOrders.Order>> d = orders.orders("shop", List.of(
                order("o1", 1000, NOW.toEpochMilli()),
                order("o2", 1000, "2026-03-09T10:00:00+08:00"),
                order("o1", 1000, NOW.toEpochMilli()),
                order("o3", -1, NOW.toEpochMilli()),
                order("o4", 1000, NOW.minusSeconds(400L * 86_400).toEpochMilli()),
                order("o5", 1000, NOW.plusSeconds(2L * 86_400).toEpochMilli()),
                Map.of("orderId", "o6", "amountFen", 1, "paidAt", NOW.toEpochMilli()),
                Map.of("orderId", "o7", "openid", "x", "customerId", "c_0", "amountFen", 1, "paidAt", 1),
                "not an object"));

        assertTrue(d.get(0).accepted());
        assertEquals(CustomerIds.of("shop", "oA"), d.get(0).value().customerId());
        assertTrue(d.get(1).accepted());
        assertEquals(Instant.parse("2026-03-09T02:00:00Z"), d.get(1).value().paidAt());
        assertEquals("duplicate orderId in this request", d.get(2).reason());
        assertEquals("amountFen must be an integer of at least 0", d.get(3).reason());
        assertTrue(d.get(4).reason().contains("365 days"));
        assertTrue(d.get(5).reason().contains("future"));
        assertEquals("exactly one of openid and customerId is required", d.get(6).reason());
        assertEquals("exactly one of openid and customerId is required", d.get(7).reason());
        assertNull(d.get(8).id());
    }

    @Test
    void orders_asOldAsTheAppsGrowthWindow_whenLongerThanAYear() {
        Object paid = NOW.minusSeconds(500L * 86_400).toEpochMilli();
        assertTrue(orders.orders("shop", List.of(order("o1", 1000, paid))).get(0).reason().contains("365 days"));
        ServerOrders twoYears = new ServerOrders(Clock.fixed(NOW, ZoneOffset.UTC), 730);
        assertTrue(twoYears.orders("shop", List.of(order("o1", 1000, paid))).get(0).accepted());
        assertEquals(730 + 35, ServerOrders.keptDays(730));
        assertEquals(365 + 35, ServerOrders.keptDays(90), "a shorter window still takes a year's backfill");
    }

    @Test
    void serverOnlyTypes_refusedFromClients() {
        List<EventDecision> d = new EventValidator(Clock.fixed(NOW, ZoneOffset.UTC)).validate(List.of(Map.of(
                "eventId", "x", "type", "server_order_paid", "ts", NOW.toEpochMilli(),
                "props", Map.of("orderId", "o1", "amountFen", 100))));

        assertTrue(((EventDecision.Rejected) d.get(0)).reason().contains("reserved for the merchant's server"));
    }
}
