package com.mplifecycle.aws.bus;

import java.util.ArrayList;
import java.util.List;

import com.mplifecycle.aws.json.RecordJson;

import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * Publishes {@code RfmSliceRequested} on the project's bus: one event per slice of a
 * phase of a fanned-out RFM run, ten entries per call. Entries EventBridge refused are sent again
 * (up to {@value #ATTEMPTS} attempts); if some still fail it throws, so the invocation fails and
 * Lambda retries it (slice work is idempotent, a duplicate request does no harm).
 */
public final class RfmSlicePublisher {
    public static final String SOURCE = "mplifecycle.rfm";
    public static final String DETAIL_TYPE = "RfmSliceRequested";
    static final int ATTEMPTS = 3;

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
        List<SliceRequest> pending = new ArrayList<>();
        for (int s = 0; s < totalSlices; s++) {
            pending.add(new SliceRequest(runId, phase, s, totalSlices));
        }
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > ATTEMPTS) {
                throw new IllegalStateException(pending.size() + " slice requests refused by EventBridge");
            }
            pending = publish(pending);
        }
    }

    private List<SliceRequest> publish(List<SliceRequest> requests) {
        List<SliceRequest> refused = new ArrayList<>();
        for (int from = 0; from < requests.size(); from += StageChangePublisher.ENTRIES_PER_CALL) {
            List<SliceRequest> part = requests.subList(from,
                    Math.min(requests.size(), from + StageChangePublisher.ENTRIES_PER_CALL));
            PutEventsResponse response = events.putEvents(b -> b.entries(part.stream().map(this::entry).toList()));
            if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
                for (int i = 0; i < part.size(); i++) {
                    if (i >= response.entries().size() || response.entries().get(i).errorCode() != null) {
                        refused.add(part.get(i));
                    }
                }
            }
        }
        return refused;
    }

    private PutEventsRequestEntry entry(SliceRequest r) {
        return PutEventsRequestEntry.builder().eventBusName(busName).source(SOURCE).detailType(DETAIL_TYPE)
                .detail(RecordJson.write(r)).build();
    }
}
