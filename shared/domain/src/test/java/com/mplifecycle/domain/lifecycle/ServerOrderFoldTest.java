package com.mplifecycle.domain.lifecycle;

import static com.mplifecycle.domain.lifecycle.Events.paid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.event.ServerOrders;
import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.domain.loyalty.ClientOrders;
import com.mplifecycle.domain.loyalty.OrderSettings;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.Order;

/** Server orders in the profile fold: their source, their authority over a client's report, and clientOrders. */
class ServerOrderFoldTest {
    private static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");

    private static CustomerProfile fold(AppSettings settings, TrackedEvent... events) {
        return new ProfileFolder(settings).fold(CustomerProfile.empty("shop", "c1"), "o1", List.of(events)).profile();
    }

    private static TrackedEvent server(String orderId, long fen, Instant at) {
        return new ServerOrders.Order(orderId, "c1", null, fen, at).event();
    }

    @Test
    void serverOrder_isRecordedWithItsSource_andCorrectsAClientReportOfTheSameOrder() {
        CustomerProfile p = fold(AppSettings.defaults("shop"), paid("e1", T0, "o-1", 99_900),
                server("o-1", 2_500, T0.plusSeconds(1)), paid("e2", T0.plusSeconds(2), "o-2", 1_000));

        assertEquals(List.of("server", "client"), p.orders().stream().map(Order::sourceOrClient).toList());
        assertEquals(3_500, p.revenueFen(), "the server's amount replaces the client's claim");
    }

    @Test
    void clientOrdersIgnored_onlyServerOrdersCount() {
        AppSettings ignore = AppSettings.defaults("shop").withOrders(new OrderSettings(ClientOrders.IGNORE));

        CustomerProfile p = fold(ignore, paid("e1", T0, "forged", 1_000_000), server("o-1", 2_500, T0.plusSeconds(1)));

        assertEquals(1, p.paidOrders());
        assertEquals(2_500, p.revenueFen());
    }

    @Test
    void serverRefund_reducesTheServerOrder_once() {
        TrackedEvent refund = new ServerOrders.Refund("r-1", "o-1", 500, T0.plusSeconds(5)).event();
        CustomerProfile p = fold(AppSettings.defaults("shop"), server("o-1", 2_500, T0), refund, refund);

        assertEquals(2_000, p.revenueFen());
    }
}
