package com.mplifecycle.functions.loyalty;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.mplifecycle.aws.http.ApiResponse;
import com.mplifecycle.aws.http.ApiResponses;
import com.mplifecycle.aws.http.BadRequestException;
import com.mplifecycle.aws.http.JsonBody;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.EventChunk;
import com.mplifecycle.aws.store.EventStore;
import com.mplifecycle.aws.store.ServerOrderIndex;
import com.mplifecycle.domain.event.ServerOrders;
import com.mplifecycle.domain.event.TrackedEvent;

/**
 * {@code POST /v1/apps/{appId}/orders} and {@code /refunds}: the merchant's server reports paid orders
 * and refunds (admin key). Each is validated with a reason and recorded once by id in the order index,
 * then stored as server-only events in the events table, one chunk per customer, exactly where
 * {@code /v1/events} stores a customer's events: the stream folds them into the profile (stages, RFM)
 * and into the points ledger once. Answered like {@code /v1/events}: 202 with accepted and rejected.
 */
final class ServerOrderRoutes {
    static final int MAX_BODY_BYTES = 256 * 1024;

    private final ServerOrderIndex index;
    private final EventStore events;
    private final AppStore apps;
    private final Clock clock;

    ServerOrderRoutes(ServerOrderIndex index, EventStore events, AppStore apps, Clock clock) {
        this.index = index;
        this.events = events;
        this.apps = apps;
        this.clock = clock;
    }

    /** The app's growth window: how old an order may be, and how long it is kept for refunds. */
    private int growthWindowDays(String appId) {
        return apps.settingsOrDefaults(appId).loyaltySettings().growthWindowDays();
    }

    ApiResponse orders(LoyaltyRequest request) {
        List<?> raw = list(request, "orders",
                "{\"orders\": [{\"orderId\", \"openid\"|\"customerId\", \"amountFen\", \"paidAt\", \"items\"}]}");
        int window = growthWindowDays(request.appId());
        int keptDays = ServerOrders.keptDays(window);
        return store(request, "orderId", new ServerOrders(clock, window).orders(request.appId(), raw),
                (appId, order) -> index.record(appId, order, keptDays), ServerOrders.Order::event);
    }

    ApiResponse refunds(LoyaltyRequest request) {
        List<?> raw = list(request, "refunds",
                "{\"refunds\": [{\"refundId\", \"orderId\", \"amountFen\", \"refundedAt\"}]}");
        return store(request, "refundId", new ServerOrders(clock, growthWindowDays(request.appId())).refunds(raw),
                index::record, ServerOrders.Refund::event);
    }

    private static List<?> list(LoyaltyRequest request, String field, String shape) {
        Map<String, Object> body = JsonBody.object(request.http().body(), MAX_BODY_BYTES, shape);
        if (!(body.get(field) instanceof List<?> list) || list.isEmpty()) {
            throw new BadRequestException(400, field + " must be a non-empty array: " + shape);
        }
        if (list.size() > ServerOrders.MAX_PER_REQUEST) {
            throw new BadRequestException(400, "at most " + ServerOrders.MAX_PER_REQUEST + " " + field + " per request");
        }
        return list;
    }

    private <T> ApiResponse store(LoyaltyRequest request, String idName, List<ServerOrders.Decision<T>> decisions,
                                  BiFunction<String, T, ServerOrderIndex.Recorded> record,
                                  Function<T, TrackedEvent> toEvent) {
        String appId = request.appId();
        Map<String, List<TrackedEvent>> byCustomer = new LinkedHashMap<>();
        Map<String, String> openids = new LinkedHashMap<>();
        List<Map<String, Object>> rejected = new ArrayList<>();
        int accepted = 0;
        for (ServerOrders.Decision<T> d : decisions) {
            String reason = d.reason();
            if (d.accepted()) {
                ServerOrderIndex.Recorded r = record.apply(appId, d.value());
                if (r.accepted()) {
                    accepted++;
                    byCustomer.computeIfAbsent(r.customerId(), k -> new ArrayList<>()).add(toEvent.apply(d.value()));
                    if (r.openid() != null) {
                        openids.put(r.customerId(), r.openid());
                    }
                    continue;
                }
                reason = r.reason();
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", d.index());
            m.put(idName, d.id());
            m.put("reason", reason);
            rejected.add(m);
        }
        List<EventChunk> chunks = new ArrayList<>();
        byCustomer.forEach((customerId, list) -> chunks.add(new EventChunk(appId, customerId, openids.get(customerId),
                list)));
        if (!chunks.isEmpty()) {
            events.write(chunks, clock.instant());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        if (accepted == 0) {
            answer.put("error", "nothing in the batch was accepted");
            answer.put("requestId", request.requestId());
        }
        answer.put("accepted", accepted);
        answer.put("rejected", rejected);
        return ApiResponses.json(accepted == 0 ? 400 : 202, answer);
    }
}
