package com.mplifecycle.aws.bus;

import java.util.List;
import java.util.function.Supplier;

import com.mplifecycle.aws.json.RecordJson;

import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * Publishes {@code DispatchWorkRequested} on the project's bus: the rest of a dispatch walk that one
 * invocation could not finish inside its budget (a shard of the due index with more due than one invocation
 * handles, a segment of a campaign change's backfill), which the template's rule brings back to the dispatch
 * function as a new invocation, the way the nightly run fans out ({@link RfmSlicePublisher}).
 */
public final class DispatchWorkPublisher {
    public static final String SOURCE = "mplifecycle.dispatch";
    public static final String DETAIL_TYPE = "DispatchWorkRequested";
    /** A shard ({@code part}) of the due index. */
    public static final String SWEEP = "sweep";
    /** A segment ({@code part} of {@code parts}) of one app's backfill scan. */
    public static final String BACKFILL = "backfill";

    /**
     * The detail of one request: which walk ({@link #SWEEP}, {@link #BACKFILL}), where to go on from
     * ({@code cursor}, opaque), and the chain's lease it runs under ({@code chain}, {@code hop}: see
     * {@code ChainLeases}), so a redelivered request does not fork the walk.
     */
    public record Work(String walk, String appId, int part, int parts, String chain, int hop, String cursor) {
        public Work {
            if (!SWEEP.equals(walk) && !BACKFILL.equals(walk)) {
                throw new IllegalArgumentException("walk must be " + SWEEP + " or " + BACKFILL + ": " + walk);
            }
            if (part < 0 || part >= parts || chain == null || hop < 0) {
                throw new IllegalArgumentException("invalid dispatch work: part " + part + " of " + parts
                        + ", chain " + chain + ", hop " + hop);
            }
        }

        /** The request for what is left after this one, from {@code next}. */
        public Work then(String next) {
            return new Work(walk, appId, part, parts, chain, hop + 1, next);
        }
    }

    private final Supplier<EventBridgeClient> events;
    private final String busName;

    /** @param events made on the first request only (most invocations hand nothing on) */
    public DispatchWorkPublisher(Supplier<EventBridgeClient> events, String busName) {
        this.events = events;
        this.busName = busName;
    }

    public void request(Work work) {
        BusEntries.putAll(events.get(), List.of(PutEventsRequestEntry.builder().eventBusName(busName).source(SOURCE)
                .detailType(DETAIL_TYPE).detail(RecordJson.write(work)).build()));
    }
}
