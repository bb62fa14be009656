package com.mplifecycle.aws.bus;

import java.util.ArrayList;
import java.util.List;

import com.mplifecycle.aws.json.RecordJson;

import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * Publishes {@code RfmSegmentRequested} on the project's bus: one event per scan segment of a
 * phase of a fanned-out RFM run, ten entries per call. Entries EventBridge refused are sent again
 * (up to {@value #ATTEMPTS} attempts); if some still fail it throws, so the invocation fails and
 * Lambda retries it (segment work is idempotent, a duplicate request does no harm).
 */
public final class RfmSegmentPublisher {
    public static final String SOURCE = "mplifecycle.rfm";
    public static final String DETAIL_TYPE = "RfmSegmentRequested";
    static final int ATTEMPTS = 3;

    /** The detail of one request. */
    public record SegmentRequest(String runId, String phase, int segment, int totalSegments) {
    }

    private final EventBridgeClient events;
    private final String busName;

    public RfmSegmentPublisher(EventBridgeClient events, String busName) {
        this.events = events;
        this.busName = busName;
    }

    /** Requests every segment {@code 0..totalSegments-1} of {@code phase}. */
    public void requestAll(String runId, String phase, int totalSegments) {
        List<SegmentRequest> pending = new ArrayList<>();
        for (int s = 0; s < totalSegments; s++) {
            pending.add(new SegmentRequest(runId, phase, s, totalSegments));
        }
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > ATTEMPTS) {
                throw new IllegalStateException(pending.size() + " segment requests refused by EventBridge");
            }
            pending = publish(pending);
        }
    }

    private List<SegmentRequest> publish(List<SegmentRequest> requests) {
        List<SegmentRequest> refused = new ArrayList<>();
        for (int from = 0; from < requests.size(); from += StageChangePublisher.ENTRIES_PER_CALL) {
            List<SegmentRequest> part = requests.subList(from,
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

    private PutEventsRequestEntry entry(SegmentRequest r) {
        return PutEventsRequestEntry.builder().eventBusName(busName).source(SOURCE).detailType(DETAIL_TYPE)
                .detail(RecordJson.write(r)).build();
    }
}
