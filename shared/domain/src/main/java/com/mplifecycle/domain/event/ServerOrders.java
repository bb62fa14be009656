package com.mplifecycle.domain.event;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.mplifecycle.domain.profile.CustomerIds;

/**
 * Validates the merchant's server orders and refunds ({@code POST /v1/apps/{appId}/orders} and
 * {@code /refunds}) one by one, each accepted or rejected with a reason, and turns accepted ones into
 * the server-only events that the events table, the profile fold and the points ledger read.
 * Their event ids are derived from the order and refund ids, so a resent order is the same event.
 */
public final class ServerOrders {
    /** Most orders or refunds one request may carry. */
    public static final int MAX_PER_REQUEST = 100;
    /**
     * Server orders may be older than client events (backfills), as old as growth counts them: a year,
     * or the app's growth window when it is longer.
     */
    static final int MIN_MAX_AGE_DAYS = 365;
    /** How long after its payment an order can still be refunded (and is kept for it): its age limit and this. */
    static final int REFUND_DAYS = 35;
    static final Duration MAX_FUTURE = Duration.ofHours(24);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,60}");
    private static final Pattern CUSTOMER_ID = Pattern.compile("c_[0-9a-f]{24}");
    private static final int MAX_OPENID = 128;
    private static final int MAX_ITEMS = 100;

    /** An order, for the customer {@code customerId} ({@code openid} when it was given). */
    public record Order(String orderId, String customerId, String openid, long amountFen, Instant paidAt) {
        public TrackedEvent event() {
            return new TrackedEvent("so:" + orderId, EventType.SERVER_ORDER_PAID, paidAt,
                    Map.of("orderId", orderId, "amountFen", amountFen));
        }
    }

    public record Refund(String refundId, String orderId, long amountFen, Instant refundedAt) {
        public TrackedEvent event() {
            return new TrackedEvent("sr:" + refundId, EventType.SERVER_ORDER_REFUNDED, refundedAt,
                    Map.of("orderId", orderId, "refundId", refundId, "amountFen", amountFen));
        }
    }

    /** What validation decided for one element: {@code value} when accepted, else {@code reason}. */
    public record Decision<T>(int index, String id, T value, String reason) {
        public boolean accepted() {
            return value != null;
        }
    }

    private final Clock clock;
    private final Duration maxAge;

    /** The validator of an app with the default growth window (a year). */
    public ServerOrders(Clock clock) {
        this(clock, MIN_MAX_AGE_DAYS);
    }

    /** @param growthWindowDays the app's setting {@code loyalty.growthWindowDays} */
    public ServerOrders(Clock clock, int growthWindowDays) {
        this.clock = clock;
        this.maxAge = Duration.ofDays(maxAgeDays(growthWindowDays));
    }

    static int maxAgeDays(int growthWindowDays) {
        return Math.max(MIN_MAX_AGE_DAYS, growthWindowDays);
    }

    /**
     * Days after its payment that an order is kept, by the order index (a refund names it) and in the
     * points account (a refund takes its share back): as long as it may be sent, and a few weeks more.
     */
    public static int keptDays(int growthWindowDays) {
        return maxAgeDays(growthWindowDays) + REFUND_DAYS;
    }

    public List<Decision<Order>> orders(String appId, List<?> raw) {
        Instant now = clock.instant();
        Set<String> seen = new HashSet<>();
        List<Decision<Order>> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Decision<Order> d;
            try {
                Order o = order(appId, raw.get(i), now);
                d = seen.add(o.orderId()) ? new Decision<>(i, o.orderId(), o, null)
                        : new Decision<>(i, o.orderId(), null, "duplicate orderId in this request");
            } catch (Invalid e) {
                d = new Decision<>(i, idOf(raw.get(i), "orderId"), null, e.getMessage());
            }
            out.add(d);
        }
        return out;
    }

    public List<Decision<Refund>> refunds(List<?> raw) {
        Instant now = clock.instant();
        Set<String> seen = new HashSet<>();
        List<Decision<Refund>> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Decision<Refund> d;
            try {
                Refund r = refund(raw.get(i), now);
                d = seen.add(r.refundId()) ? new Decision<>(i, r.refundId(), r, null)
                        : new Decision<>(i, r.refundId(), null, "duplicate refundId in this request");
            } catch (Invalid e) {
                d = new Decision<>(i, idOf(raw.get(i), "refundId"), null, e.getMessage());
            }
            out.add(d);
        }
        return out;
    }

    private Order order(String appId, Object raw, Instant now) {
        Map<?, ?> m = object(raw, "order");
        String orderId = id(m, "orderId");
        Object openid = m.get("openid");
        Object customerId = m.get("customerId");
        if ((openid == null) == (customerId == null)) {
            throw new Invalid("exactly one of openid and customerId is required");
        }
        String customer;
        String oid = null;
        if (openid != null) {
            if (!(openid instanceof String s) || s.isEmpty() || s.length() > MAX_OPENID) {
                throw new Invalid("openid must be a string of 1 to " + MAX_OPENID + " characters");
            }
            oid = s;
            customer = CustomerIds.of(appId, s);
        } else {
            if (!(customerId instanceof String s) || !CUSTOMER_ID.matcher(s).matches()) {
                throw new Invalid("customerId must be c_ and 24 hex digits");
            }
            customer = s;
        }
        long amount = integer(m, "amountFen", 0);
        Instant paidAt = time(m, "paidAt", now);
        items(m.get("items"));
        return new Order(orderId, customer, oid, amount, paidAt);
    }

    private Refund refund(Object raw, Instant now) {
        Map<?, ?> m = object(raw, "refund");
        return new Refund(id(m, "refundId"), id(m, "orderId"), integer(m, "amountFen", 1), time(m, "refundedAt", now));
    }

    private static void items(Object raw) {
        if (raw == null) {
            return;
        }
        if (!(raw instanceof List<?> items) || items.size() > MAX_ITEMS) {
            throw new Invalid("items must be a list of at most " + MAX_ITEMS + " {sku, qty, priceFen}");
        }
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> item)) {
                throw new Invalid("items[" + i + "] must be an object {sku, qty, priceFen}");
            }
            if (!(item.get("sku") instanceof String sku) || sku.isEmpty() || sku.length() > 256) {
                throw new Invalid("items[" + i + "].sku must be a string of 1 to 256 characters");
            }
            try {
                integer(item, "qty", 1);
                integer(item, "priceFen", 0);
            } catch (Invalid e) {
                throw new Invalid("items[" + i + "]." + e.getMessage());
            }
        }
    }

    private static Map<?, ?> object(Object raw, String what) {
        if (!(raw instanceof Map<?, ?> m)) {
            throw new Invalid(what + " must be a JSON object");
        }
        return m;
    }

    private static String id(Map<?, ?> m, String name) {
        if (!(m.get(name) instanceof String s) || !ID.matcher(s).matches()) {
            throw new Invalid(name + " must be a string of 1 to 60 letters, digits or . _ : -");
        }
        return s;
    }

    private static long integer(Map<?, ?> m, String name, long min) {
        Object v = m.get(name);
        if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < min
                || ((Number) v).longValue() > FieldKind.MAX_INTEGER) {
            throw new Invalid(name + " must be an integer of at least " + min);
        }
        return ((Number) v).longValue();
    }

    /** Epoch milliseconds, or an ISO-8601 date-time with offset ({@code 2026-12-01T10:00:00+08:00}). */
    private Instant time(Map<?, ?> m, String name, Instant now) {
        Object v = m.get(name);
        Instant at;
        if (v instanceof Integer || v instanceof Long) {
            at = Instant.ofEpochMilli(((Number) v).longValue());
        } else if (v instanceof String s) {
            try {
                at = OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeException e) {
                throw new Invalid(name + " must be epoch milliseconds or an ISO-8601 date-time with offset");
            }
        } else {
            throw new Invalid(name + " must be epoch milliseconds or an ISO-8601 date-time with offset");
        }
        if (at.isAfter(now.plus(MAX_FUTURE))) {
            throw new Invalid(name + " is more than 24 hours in the future");
        }
        if (at.isBefore(now.minus(maxAge))) {
            throw new Invalid(name + " is more than " + maxAge.toDays()
                    + " days ago (the growth window; older orders go through the order import)");
        }
        return at;
    }

    private static String idOf(Object raw, String name) {
        return raw instanceof Map<?, ?> m && m.get(name) instanceof String s && s.length() <= 64 ? s : null;
    }

    private static final class Invalid extends RuntimeException {
        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }
}
