package com.mplifecycle.bench;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.mplifecycle.aws.auth.SessionTokens;
import com.mplifecycle.aws.http.ApiRequest;
import com.mplifecycle.aws.http.ApiResponse;
import com.mplifecycle.aws.http.ApiResponses;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.aws.log.JsonLogger;
import com.mplifecycle.aws.store.EventChunk;
import com.mplifecycle.aws.store.EventChunkCodec;
import com.mplifecycle.domain.event.EventDecision;
import com.mplifecycle.domain.event.EventValidator;
import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.functions.ingest.EventRequestParser;
import com.mplifecycle.functions.ingest.IngestHandler;

/**
 * Bench only (figure 1's analysis): single-thread microseconds of each step the ingest handler
 * adds to a request beyond the SDK write (reading the event and writing the answer included), on one real request of the workload.
 */
public final class IngestBreakdown {
    private static long sink;

    private IngestBreakdown() {
    }

    /** Step → microseconds per request (mean over {@code n} after {@code n} of warm-up). */
    public static Map<String, Double> measure(String eventJson, String body, String token, byte[] signingKey,
                                              String appId, String customerId, String openid, int n) {
        Clock clock = Clock.systemUTC();
        Map<String, Double> out = new LinkedHashMap<>();
        byte[] eventBytes = eventJson.getBytes(StandardCharsets.UTF_8);
        out.put("event JSON → ApiRequest", time(n, () -> ApiRequest.parse(eventBytes)));
        SessionTokens tokens = new SessionTokens(signingKey, clock);
        out.put("session token check (HS256)", time(n, () -> tokens.verify(token)));
        EventRequestParser parser = new EventRequestParser(IngestHandler.MAX_BODY_BYTES, EventValidator.MAX_EVENTS);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.put("body parse", time(n, () -> parser.events(bytes)));
        EventValidator validator = new EventValidator(clock);
        List<?> raw = parser.events(bytes);
        out.put("validation", time(n, () -> validator.validate(raw)));
        List<TrackedEvent> accepted = new ArrayList<>();
        for (EventDecision d : validator.validate(raw)) {
            if (d instanceof EventDecision.Accepted a) {
                accepted.add(a.event());
            }
        }
        out.put("chunk: sort + key digest", time(n, () -> new EventChunk(appId, customerId, openid, accepted).sortKey()));
        out.put("chunk: events JSON", time(n, () -> EventChunkCodec.eventsJson(accepted)));
        JsonLogger log = new JsonLogger("ingest", clock, new PrintStream(OutputStream.nullOutputStream()));
        out.put("log line", time(n, () -> {
            log.info("r", "events ingested", "appId", appId, "customerId", customerId, "accepted", accepted.size(),
                    "rejected", 0, "writeUnits", 2.0);
            return log;
        }));
        out.put("response body", time(n, () -> ApiResponses.json(202, Map.of("accepted", accepted.size(), "rejected", List.of()))));
        ApiResponse response = ApiResponses.json(202, Map.of("accepted", accepted.size(), "rejected", List.of()));
        out.put("ApiResponse → JSON", time(n, () -> {
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            try {
                response.writeTo(o);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return o;
        }));
        return out;
    }

    private static double time(int n, Supplier<Object> op) {
        for (int i = 0; i < n; i++) {
            sink += System.identityHashCode(op.get());
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sink += System.identityHashCode(op.get());
        }
        return (System.nanoTime() - t0) / 1e3 / n;
    }

    static String json(Object o) {
        return Json.write(o);
    }
}
