package com.mplifecycle.aws.bus;

import java.util.ArrayList;
import java.util.List;

import com.mplifecycle.aws.json.RecordJson;

import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * Publishes {@code RfmSliceRequested} on the project's bus: one event per slice of a
 * phase of a fanned-out RFM run, through {@link BusEntries} (refused entries sent again; if some still
 * fail it throws and Lambda retries the invocation: slice work is idempotent).
 */
public final class RfmSlicePublisher {
    public static final String SOURCE = "mplifecycle.rfm";
    public static final String DETAIL_TYPE = "RfmSliceRequested";

    /** The detail of one request. */
    public record SliceRequest(String runId, String phase, int slice, int totalSlices) {
    }

    private final EventBridgeClient events;
    private final String busName;

    public RfmSlicePublisher(EventBridgeClient events, String busName) {
        this.events = events;
        this.busName = busName;
    }

    /** Requests every slice {@code 0..totalSlices-1} of {@code phase}. */
    public void requestAll(String runId, String phase, int totalSlices) {
        List<PutEventsRequestEntry> entries = new ArrayList<>();
        for (int s = 0; s < totalSlices; s++) {
            entries.add(entry(new SliceRequest(runId, phase, s, totalSlices)));
        }
        BusEntries.putAll(events, entries);
    }

    private PutEventsRequestEntry entry(SliceRequest r) {
        return PutEventsRequestEntry.builder().eventBusName(busName).source(SOURCE).detailType(DETAIL_TYPE)
                .detail(RecordJson.write(r)).build();
    }
}
