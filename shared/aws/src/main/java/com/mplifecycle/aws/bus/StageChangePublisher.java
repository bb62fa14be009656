package com.mplifecycle.aws.bus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mplifecycle.aws.json.PlainJson;
import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.lifecycle.StageChange;

import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * Publishes {@code CustomerStageChanged} on the project's bus, at most ten entries per call. Only
 * committed changes are published: the profile write stores its changes beside the profile
 * ({@link #detailsJson}), and the profiles table's stream hands them to the relay that calls this.
 */
public final class StageChangePublisher {
    public static final String SOURCE = "mplifecycle.lifecycle";
    public static final String DETAIL_TYPE = "CustomerStageChanged";
    static final int ENTRIES_PER_CALL = 10;

    private final EventBridgeClient events;
    private final String busName;

    public StageChangePublisher(EventBridgeClient events, String busName) {
        this.events = events;
        this.busName = busName;
    }

    /** Publishes the changes and returns those EventBridge did not take (empty when all went). */
    public List<StageChange> publish(List<StageChange> changes) {
        return BusEntries.refused(events, changes, this::entry);
    }

    private PutEventsRequestEntry entry(StageChange c) {
        return PutEventsRequestEntry.builder()
                .eventBusName(busName)
                .source(SOURCE)
                .detailType(DETAIL_TYPE)
                .time(c.at())
                .detail(PlainJson.writeWithNulls(detail(c)))
                .build();
    }

    /** The event's detail: exactly the fields docs/product.md lists (Stages); {@code from} is null on first contact. */
    public static Map<String, Object> detail(StageChange c) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("appId", c.appId());
        d.put("customerId", c.customerId());
        d.put("from", c.from() == null ? null : c.from().name());
        d.put("to", c.to().name());
        d.put("at", c.at().toString());
        d.put("reason", c.reason());
        return d;
    }

    /** The changes as the JSON array of their details, as the profile item keeps them. */
    public static String detailsJson(List<StageChange> changes) {
        return PlainJson.writeWithNulls(changes.stream().map(StageChangePublisher::detail).toList());
    }

    /** Reads {@link #detailsJson} back; throws IllegalArgumentException when it is not that. */
    public static List<StageChange> fromDetailsJson(String json) {
        if (!(PlainJson.read(json) instanceof List<?> list)) {
            throw new IllegalArgumentException("stage changes are not a JSON array");
        }
        List<StageChange> changes = new ArrayList<>(list.size());
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> d)) {
                throw new IllegalArgumentException("a stage change is not a JSON object");
            }
            Object from = d.get("from");
            changes.add(new StageChange(String.valueOf(d.get("appId")), String.valueOf(d.get("customerId")),
                    from == null ? null : Stage.valueOf(String.valueOf(from)), Stage.valueOf(String.valueOf(d.get("to"))),
                    java.time.Instant.parse(String.valueOf(d.get("at"))), String.valueOf(d.get("reason"))));
        }
        return changes;
    }
}
