package com.mplifecycle.bench;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import com.mplifecycle.aws.http.ApiRequest;
import com.mplifecycle.aws.json.PlainJson;
import com.mplifecycle.aws.store.EventChunk;
import com.mplifecycle.aws.store.EventStore;
import com.mplifecycle.devtools.invoke.LambdaInvoker;
import com.mplifecycle.devtools.invoke.LocalContext;
import com.mplifecycle.domain.event.EventDecision;
import com.mplifecycle.domain.event.EventValidator;
import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.functions.ingest.IngestHandler;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Figure 1's analysis in situ: one client thread, CPU and allocation per request of four rungs run
 * interleaved in blocks, so that each rung pays the cache and allocator state of real traffic (the
 * hot-loop breakdown of each step alone understates it about threefold): the bare write; the same
 * chunk through {@link EventStore} (key digest, codec, compression); the handler called with the request
 * already read; the full invocation (the event's JSON read, the answer's written, the context).
 */
final class IngestInSitu {
    /** Rung → {CPU µs, KB allocated} per request, medians over blocks. */
    static Map<String, double[]> measure(DynamoDbClient bare, IngestHandler handler, LambdaInvoker invoker,
                                         Workload workload, Clock clock, Duration ttl, int blocks, int perBlock) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean)
                java.lang.management.ManagementFactory.getThreadMXBean();
        EventValidator validator = new EventValidator(clock);
        EventStore store = new EventStore(bare, IngestBench.BARE_TABLE, ttl);
        Map<String, List<double[]>> samples = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (int block = 0; block <= blocks; block++) {
            List<Workload.Request> requests = workload.requests(perBlock);
            List<Map<String, AttributeValue>> items = IngestBench.items(requests, validator, clock, ttl);
            List<EventChunk> chunks = new ArrayList<>();
            List<ApiRequest> parsed = new ArrayList<>();
            for (Workload.Request r : requests) {
                List<TrackedEvent> accepted = new ArrayList<>();
                List<?> raw = (List<?>) ((Map<?, ?>) PlainJson.read(r.body())).get("events");
                for (EventDecision d : validator.validate(raw)) {
                    if (d instanceof EventDecision.Accepted a) {
                        accepted.add(a.event());
                    }
                }
                chunks.add(new EventChunk(IngestBench.BARE_APP, r.customer().customerId(), r.customer().openid(),
                        accepted));
                parsed.add(ApiRequest.parse(r.eventJson().getBytes(StandardCharsets.UTF_8)));
            }
            Map<String, IntConsumer> rungs = new LinkedHashMap<>();
            rungs.put("bare BatchWriteItem of the item", i -> IngestBench.writeOne(bare, items.get(i)));
            rungs.put("+ chunk to item (key digest, events JSON, deflate): EventStore.write", i ->
                    store.write(List.of(chunks.get(i)), clock.instant()));
            rungs.put("+ token, parse, validation, log line, answer: IngestHandler.handle", i ->
                    handler.handle(parsed.get(i)));
            rungs.put("+ reading the event JSON, writing the answer's, context: full invocation", i ->
                    invoker.invoke(requests.get(i).eventJson(), LocalContext.start("IngestFunction", "us-east-1", 1024,
                            Duration.ofSeconds(15))));
            if (names.isEmpty()) {
                names.addAll(rungs.keySet());
            }
            List<Map.Entry<String, IntConsumer>> order = new ArrayList<>(rungs.entrySet());
            java.util.Collections.rotate(order, block);
            for (Map.Entry<String, IntConsumer> rung : order) {
                long tid = Thread.currentThread().getId();
                long c0 = mx.getCurrentThreadCpuTime();
                long b0 = mx.getThreadAllocatedBytes(tid);
                for (int i = 0; i < perBlock; i++) {
                    rung.getValue().accept(i);
                }
                if (block > 0) {
                    // block 0 warms every rung up
                    samples.computeIfAbsent(rung.getKey(), k -> new ArrayList<>()).add(new double[] {
                        (mx.getCurrentThreadCpuTime() - c0) / 1e3 / perBlock,
                        (mx.getThreadAllocatedBytes(tid) - b0) / 1024.0 / perBlock});
                }
            }
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        names.forEach(rung -> out.put(rung, new double[] {
            Parallel.percentile(samples.get(rung).stream().map(x -> x[0]).toList(), 50),
            Parallel.percentile(samples.get(rung).stream().map(x -> x[1]).toList(), 50)}));
        return out;
    }

    private IngestInSitu() {
    }
}
