package com.mplifecycle.domain.lifecycle;

import java.time.Instant;
import java.util.Map;

import com.mplifecycle.domain.event.EventType;
import com.mplifecycle.domain.event.TrackedEvent;

/** Small builders of tracking events for the rule tests. */
final class Events {
    private Events() {
    }

    static TrackedEvent launch(String id, Instant at) {
        return new TrackedEvent(id, EventType.APP_LAUNCH, at, Map.of("scene", 1001L));
    }

    static TrackedEvent paid(String id, Instant at, String orderId, long fen) {
        return new TrackedEvent(id, EventType.ORDER_PAID, at, Map.of("orderId", orderId, "amountFen", fen));
    }

    static TrackedEvent refunded(String id, Instant at, String orderId, long fen) {
        return new TrackedEvent(id, EventType.ORDER_REFUNDED, at, Map.of("orderId", orderId, "amountFen", fen));
    }

    static TrackedEvent accepted(String id, Instant at, String templateId) {
        return new TrackedEvent(id, EventType.SUBSCRIBE_RESULT, at, Map.of("results", Map.of(templateId, "accept")));
    }

    static TrackedEvent checkIn(String id, Instant at, String date) {
        return new TrackedEvent(id, EventType.CHECK_IN, at, Map.of("date", date));
    }

    static TrackedEvent cart(String id, Instant at, String sku, long qty, long priceFen) {
        return new TrackedEvent(id, EventType.ADD_TO_CART, at, Map.of("sku", sku, "qty", qty, "priceFen", priceFen));
    }
}
