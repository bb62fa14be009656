package com.mplifecycle.aws.bus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mplifecycle.aws.json.PlainJson;
import com.mplifecycle.domain.lifecycle.StageChange;

import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/** Publishes {@code CustomerStageChanged} on the project's bus, at most ten entries per call. */
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
        List<StageChange> failed = new ArrayList<>();
        for (int from = 0; from < changes.size(); from += ENTRIES_PER_CALL) {
            List<StageChange> part = changes.subList(from, Math.min(changes.size(), from + ENTRIES_PER_CALL));
            List<PutEventsRequestEntry> entries = part.stream().map(this::entry).toList();
            PutEventsResponse response = events.putEvents(b -> b.entries(entries));
            if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
                List<PutEventsResultEntry> results = response.entries();
                for (int i = 0; i < part.size(); i++) {
                    if (i >= results.size() || results.get(i).errorCode() != null) {
                        failed.add(part.get(i));
                    }
                }
            }
        }
        return failed;
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
}
