package com.mplifecycle.domain.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.mplifecycle.domain.churn.RepeatSummary;
import com.mplifecycle.domain.rfm.Order;
import com.mplifecycle.domain.rfm.RfmValues;
import com.mplifecycle.domain.rfm.RfmWindow;

class PurchaseHistoryTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static CustomerProfile withOrders(com.mplifecycle.domain.profile.Order... orders) {
        return CustomerProfile.empty("shop", "c_000000000000000000000001").toBuilder().orders(List.of(orders)).build();
    }

    @Test
    void paidOrders_stagesAndRfmAndChurn_countTheSameOrders() {
        Instant day = Instant.parse("2026-03-01T02:00:00Z");
        CustomerProfile p = withOrders(
                new com.mplifecycle.domain.profile.Order("free-gift", day, 0, Map.of()),
                new com.mplifecycle.domain.profile.Order("returned", day.plusSeconds(86_400), 5_000,
                        Map.of("r1", 5_000L)),
                new com.mplifecycle.domain.profile.Order("partly", day.plusSeconds(2 * 86_400), 5_000,
                        Map.of("r2", 1_000L)));

        List<Order> rfmOrders = PurchaseHistory.rfmOrders(p, SHANGHAI);
        RfmValues rfm = RfmWindow.endingOn(LocalDate.of(2026, 3, 10)).values(rfmOrders).orElseThrow();

        assertEquals(2, p.paidOrders(), "the ¥0 order and the partly refunded one");
        assertEquals(p.paidOrders(), rfm.frequency());
        assertEquals(4_000, rfm.monetaryFen());
        assertEquals(1.0, PurchaseHistory.repeatSummary(rfmOrders, LocalDate.of(2026, 3, 10)).orElseThrow().x(),
                "two purchase days: one repeat");
    }

    @Test
    void rfmOrders_paidLateEveningUtc_dayInAppTimeZone() {
        CustomerProfile p = withOrders(new com.mplifecycle.domain.profile.Order("o1",
                Instant.parse("2026-03-01T17:30:00Z"), 9_900, Map.of()));

        assertEquals(List.of(new Order(LocalDate.of(2026, 3, 2), 9_900, 0)), PurchaseHistory.rfmOrders(p, SHANGHAI));
    }

    @Test
    void rfmOrders_refunds_summedIntoRefundedFen() {
        CustomerProfile p = withOrders(new com.mplifecycle.domain.profile.Order("o1",
                Instant.parse("2026-03-01T02:00:00Z"), 9_900, Map.of("r1", 1_000L, "r2", 900L)));

        assertEquals(1_900, PurchaseHistory.rfmOrders(p, SHANGHAI).get(0).refundedFen());
    }

    @Test
    void rfmOrders_refundBeforeOrder_leftOut() {
        CustomerProfile p = withOrders(new com.mplifecycle.domain.profile.Order("o1", null, 0, Map.of("r1", 500L)));

        assertTrue(PurchaseHistory.rfmOrders(p, SHANGHAI).isEmpty());
    }

    @Test
    void repeatSummary_fullyRefundedOrderIgnored_weeksToAsOf() {
        List<Order> orders = List.of(Order.of(LocalDate.of(2026, 1, 1), 100),
                new Order(LocalDate.of(2026, 1, 8), 100, 100), Order.of(LocalDate.of(2026, 1, 15), 100));

        RepeatSummary s = PurchaseHistory.repeatSummary(orders, LocalDate.of(2026, 1, 29)).orElseThrow();

        assertEquals(new RepeatSummary(1, 2, 4), s);
    }
}
