package com.mplifecycle.domain.funnel;

import java.util.Optional;

import com.mplifecycle.domain.event.EventType;

/** The steps of the purchase funnel (docs/product.md, Statistics), in the order a customer must take them. */
public enum FunnelStep {
    /** The mini-program was launched. */
    LAUNCH(EventType.APP_LAUNCH),
    /** A page was viewed. */
    PAGE_VIEW(EventType.PAGE_VIEW),
    /** Something went into the cart. */
    ADD_TO_CART(EventType.ADD_TO_CART),
    /** Checkout was started. */
    CHECKOUT_START(EventType.CHECKOUT_START),
    /** An order was paid. */
    ORDER_PAID(EventType.ORDER_PAID);

    private final EventType event;

    FunnelStep(EventType event) {
        this.event = event;
    }

    /** The step after this one, if any. */
    public Optional<FunnelStep> next() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }

    public EventType event() {
        return event;
    }

    /** The wire name of the step's event, used as the answer's key. */
    public String wireName() {
        return event.wireName();
    }
}
