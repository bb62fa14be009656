package com.mplifecycle.domain.event;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The tracking events a mini-program sends, by their wire name. */
public enum EventType {
    /** onLaunch: first contact and its source (scene). */
    APP_LAUNCH("app_launch"),
    /** onShow: a foreground session starts. */
    APP_SHOW("app_show"),
    /** onHide: a foreground session ends. */
    APP_HIDE("app_hide"),
    /** A page was opened. */
    PAGE_VIEW("page_view"),
    /** A page was left, with its dwell time. */
    PAGE_LEAVE("page_leave"),
    /** An item went into the cart. */
    ADD_TO_CART("add_to_cart"),
    /** The checkout funnel step. */
    CHECKOUT_START("checkout_start"),
    /** A paid order: F and M of RFM. */
    ORDER_PAID("order_paid"),
    /** A refund: reduces M. */
    ORDER_REFUNDED("order_refunded"),
    /** A daily check-in. */
    CHECK_IN("check_in"),
    /** A share to a friend or group. */
    SHARE("share"),
    /** Feedback or a complaint. */
    FEEDBACK("feedback"),
    /** The outcome of wx.requestSubscribeMessage: each accept is one send credit. */
    SUBSCRIBE_RESULT("subscribe_result"),
    /** Basic profile data. */
    PROFILE_UPDATE("profile_update"),
    /** A paid order the merchant's server reported ({@code POST /v1/apps/{appId}/orders}): never from a client. */
    SERVER_ORDER_PAID("server_order_paid", true),
    /** A refund the merchant's server reported ({@code POST /v1/apps/{appId}/refunds}): never from a client. */
    SERVER_ORDER_REFUNDED("server_order_refunded", true);

    private static final Map<String, EventType> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));

    private final String wireName;
    private final boolean serverOnly;

    EventType(String wireName) {
        this(wireName, false);
    }

    EventType(String wireName, boolean serverOnly) {
        this.wireName = wireName;
        this.serverOnly = serverOnly;
    }

    /** Only the merchant's server (admin key) records these; {@code /v1/events} refuses them. */
    public boolean serverOnly() {
        return serverOnly;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> fromWireName(String name) {
        return Optional.ofNullable(BY_WIRE_NAME.get(name));
    }
}
