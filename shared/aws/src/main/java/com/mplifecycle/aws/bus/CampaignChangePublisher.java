package com.mplifecycle.aws.bus;

import java.util.LinkedHashMap;
import java.util.Map;

import com.mplifecycle.aws.json.PlainJson;

import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * Publishes {@code CampaignChanged} ({@code appId}, {@code campaignId}) on the project's bus after the
 * admin API stored or deleted a campaign: dispatch then puts the app's customers where the changed
 * campaigns place them in the due index (a one-off backfill).
 */
public final class CampaignChangePublisher {
    public static final String SOURCE = "mplifecycle.admin";
    public static final String DETAIL_TYPE = "CampaignChanged";

    private final EventBridgeClient events;
    private final String busName;

    public CampaignChangePublisher(EventBridgeClient events, String busName) {
        this.events = events;
        this.busName = busName;
    }

    /** True when EventBridge took the event. */
    public boolean publish(String appId, String campaignId) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("appId", appId);
        detail.put("campaignId", campaignId);
        PutEventsResponse response = events.putEvents(b -> b.entries(e -> e.eventBusName(busName).source(SOURCE)
                .detailType(DETAIL_TYPE).detail(PlainJson.write(detail))));
        return response.failedEntryCount() == null || response.failedEntryCount() == 0;
    }
}
