package com.mplifecycle.domain.event;

import static com.mplifecycle.domain.event.FieldKind.DATE;
import static com.mplifecycle.domain.event.FieldKind.FEEDBACK_CATEGORY;
import static com.mplifecycle.domain.event.FieldKind.INTEGER;
import static com.mplifecycle.domain.event.FieldKind.ITEM_LIST;
import static com.mplifecycle.domain.event.FieldKind.MONTH_DAY;
import static com.mplifecycle.domain.event.FieldKind.NON_NEGATIVE_INTEGER;
import static com.mplifecycle.domain.event.FieldKind.POSITIVE_INTEGER;
import static com.mplifecycle.domain.event.FieldKind.QUERY;
import static com.mplifecycle.domain.event.FieldKind.SHORT_STRING;
import static com.mplifecycle.domain.event.FieldKind.STRING_LIST;
import static com.mplifecycle.domain.event.FieldKind.SUBSCRIBE_RESULTS;
import static com.mplifecycle.domain.event.FieldKind.TEXT;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The one event schema: which props each event type has, their kinds, and which are required. */
final class EventSchema {
    record Field(String name, FieldKind kind, boolean required) {
    }

    private static final Map<EventType, List<Field>> FIELDS = new EnumMap<>(EventType.class);

    static {
        FIELDS.put(EventType.APP_LAUNCH, List.of(req("scene", INTEGER), opt("path", SHORT_STRING), opt("query", QUERY)));
        FIELDS.put(EventType.APP_SHOW, List.of(req("scene", INTEGER), opt("path", SHORT_STRING), opt("query", QUERY)));
        FIELDS.put(EventType.APP_HIDE, List.of(req("durationMs", NON_NEGATIVE_INTEGER)));
        FIELDS.put(EventType.PAGE_VIEW, List.of(req("path", SHORT_STRING)));
        FIELDS.put(EventType.PAGE_LEAVE, List.of(req("path", SHORT_STRING), req("dwellMs", NON_NEGATIVE_INTEGER)));
        FIELDS.put(EventType.ADD_TO_CART, List.of(req("sku", SHORT_STRING), req("qty", POSITIVE_INTEGER),
                req("priceFen", NON_NEGATIVE_INTEGER)));
        FIELDS.put(EventType.CHECKOUT_START, List.of(req("orderId", SHORT_STRING)));
        FIELDS.put(EventType.ORDER_PAID, List.of(req("orderId", SHORT_STRING), req("amountFen", NON_NEGATIVE_INTEGER),
                opt("items", ITEM_LIST)));
        FIELDS.put(EventType.ORDER_REFUNDED, List.of(req("orderId", SHORT_STRING), req("amountFen", POSITIVE_INTEGER)));
        FIELDS.put(EventType.CHECK_IN, List.of(req("date", DATE)));
        FIELDS.put(EventType.SHARE, List.of(req("path", SHORT_STRING), opt("target", SHORT_STRING),
                opt("shareId", SHORT_STRING)));
        FIELDS.put(EventType.FEEDBACK, List.of(req("category", FEEDBACK_CATEGORY), req("text", TEXT),
                opt("page", SHORT_STRING)));
        FIELDS.put(EventType.SUBSCRIBE_RESULT, List.of(req("results", SUBSCRIBE_RESULTS)));
        FIELDS.put(EventType.PROFILE_UPDATE, List.of(opt("birthday", MONTH_DAY), opt("gender", SHORT_STRING),
                opt("region", SHORT_STRING), opt("tags", STRING_LIST)));
        // written by ServerOrders only, never validated from a client
        FIELDS.put(EventType.SERVER_ORDER_PAID, List.of(req("orderId", SHORT_STRING),
                req("amountFen", NON_NEGATIVE_INTEGER)));
        FIELDS.put(EventType.SERVER_ORDER_REFUNDED, List.of(req("orderId", SHORT_STRING), req("refundId", SHORT_STRING),
                req("amountFen", POSITIVE_INTEGER)));
    }

    private EventSchema() {
    }

    static List<Field> fieldsOf(EventType type) {
        return FIELDS.get(type);
    }

    private static Field req(String name, FieldKind kind) {
        return new Field(name, kind, true);
    }

    private static Field opt(String name, FieldKind kind) {
        return new Field(name, kind, false);
    }
}
