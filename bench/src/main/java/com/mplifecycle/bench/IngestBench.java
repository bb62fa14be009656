package com.mplifecycle.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mplifecycle.aws.config.AwsClients;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.aws.store.EventChunk;
import com.mplifecycle.aws.store.EventChunkCodec;
import com.mplifecycle.aws.store.TableKeys;
import com.mplifecycle.devtools.invoke.LambdaInvoker;
import com.mplifecycle.devtools.invoke.LocalContext;
import com.mplifecycle.devtools.sandbox.LocalAws;
import com.mplifecycle.domain.event.EventDecision;
import com.mplifecycle.domain.event.EventValidator;
import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.functions.ingest.IngestHandler;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Figures 1 and 2 (ingest part): the ingest handler, invoked with API Gateway payload JSON as the
 * Java runtime invokes it, against a bare SDK loop that writes the very items the handler wrote
 * (one BatchWriteItem per request, same client configuration, same client threads) into the
 * same table under other partition keys (app "bare" instead of "demo": same sizes). Rounds alternate
 * handler / bare.
 */
final class IngestBench {
    static final String BARE_TABLE = "EventsTable";
    static final String BARE_APP = "bare";

    record Result(int threads, int requestsPerRound, int rounds, double pairRatio, double cpuRatio,
                  double meanEventsPerRequest,
                  double handlerEventsPerSecond, double bareEventsPerSecond, List<Double> handlerRounds,
                  List<Double> bareRounds, CpuMeter.Split handlerCpu, CpuMeter.Split bareCpu,
                  double handlerWriteUnitsPerRequest, double writeUnitsPerEvent, long acceptedEvents,
                  long sentEvents, double computedWriteUnitsPerItem, double textWriteUnitsPerEvent,
                  double meanItemBytes,
                  double handlerMsMean, double handlerMsP50, double handlerMsP99, double handlerCpuMsMean,
                  double bareMsMean, double bareCpuMsMean, Map<String, Double> breakdownMicros, int breakdownEvents,
                  double logBytesPerRequest, Map<String, double[]> inSitu) {
        /** Median over rounds of handler events/s ÷ the bare loop's in the round right after it. */
        double ratio() {
            return pairRatio;
        }
    }

    private final LogSink logs;

    IngestBench(LogSink logs) {
        this.logs = logs;
    }

    Result run(int threads, int requestsPerRound, int rounds, int sequential) {
        Clock clock = Clock.systemUTC();
        try (LocalAws aws = LocalAws.start()) {
            Map<String, String> env = new HashMap<>(aws.environment("IngestFunction"));
            env.put(FunctionEnv.LOCAL_SECRETS_JSON, Workload.secretsJson());
            FunctionEnv functionEnv = new FunctionEnv(env, clock);
            IngestHandler ingestHandler = new IngestHandler(functionEnv);
            LambdaInvoker invoker = LambdaInvoker.of(ingestHandler);
            DynamoDbClient bareClient = new AwsClients(functionEnv).dynamoDb();
            Workload workload = new Workload(2000, 1, clock);
            EventValidator validator = new EventValidator(clock);
            Duration ttl = Duration.ofDays(Integer.parseInt(env.getOrDefault(FunctionEnv.EVENT_TTL_DAYS, "400")));

            java.util.function.Consumer<Workload.Request> handler = r -> {
                String out = invoker.invoke(r.eventJson(), LocalContext.start("IngestFunction", "us-east-1", 1024,
                        Duration.ofSeconds(15)));
                if (!out.contains("\"statusCode\":202")) {
                    throw new IllegalStateException("ingest answered " + out);
                }
            };
            java.util.function.Consumer<Map<String, AttributeValue>> bare = item -> writeOne(bareClient, item);

            // warm-up of both sides (JIT, connections), not measured
            List<Workload.Request> warm = workload.requests(Math.max(1000, requestsPerRound * 2));
            Parallel.run(threads, warm, handler);
            Parallel.run(threads, items(warm, validator, clock, ttl), bare);

            List<Double> handlerRates = new ArrayList<>();
            List<Double> bareRates = new ArrayList<>();
            CpuMeter.Split hCpu = null;
            CpuMeter.Split bCpu = null;
            long events = 0;
            long sent = 0;
            long itemBytes = 0;
            long computedUnits = 0;
            long itemCount = 0;
            long textUnits = 0;
            logs.reset();
            for (int round = 0; round < rounds; round++) {
                List<Workload.Request> requests = workload.requests(requestsPerRound);
                List<Map<String, AttributeValue>> sameItems = items(requests, validator, clock, ttl);
                long roundEvents = requests.stream().mapToLong(Workload.Request::events).sum();
                sent += roundEvents;
                for (Map<String, AttributeValue> item : sameItems) {
                    itemBytes += ItemSizes.bytes(item);
                    computedUnits += ItemSizes.writeUnits(item);
                    itemCount++;
                    // the same item with the events as JSON text, as chunks were stored before compression
                    Map<String, AttributeValue> text = new HashMap<>(item);
                    text.put(EventChunkCodec.EVENTS, AttributeValue.fromS(EventChunkCodec.eventsJson(
                            EventChunkCodec.parseEvents(item.get(EventChunkCodec.EVENTS)))));
                    textUnits += ItemSizes.writeUnits(text);
                }
                // alternate which side goes first, so that drift in the machine's load favours neither
                double h;
                double b;
                if (round % 2 == 0) {
                    CpuMeter m1 = new CpuMeter();
                    h = Parallel.run(threads, requests, handler);
                    hCpu = add(hCpu, m1.stop());
                    CpuMeter m2 = new CpuMeter();
                    b = Parallel.run(threads, sameItems, bare);
                    bCpu = add(bCpu, m2.stop());
                } else {
                    CpuMeter m2 = new CpuMeter();
                    b = Parallel.run(threads, sameItems, bare);
                    bCpu = add(bCpu, m2.stop());
                    CpuMeter m1 = new CpuMeter();
                    h = Parallel.run(threads, requests, handler);
                    hCpu = add(hCpu, m1.stop());
                }
                handlerRates.add(roundEvents / h);
                bareRates.add(roundEvents / b);
                events += roundEvents;
            }
            double units = logs.ingestWriteUnits.sum();
            long accepted = logs.ingestAccepted.get();
            double logBytes = (double) logs.bytes.get() / (requestsPerRound * rounds);

            // one client thread, per-invocation wall and CPU time: the handler milliseconds of the cost model
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            List<Double> wall = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            for (Workload.Request r : workload.requests(sequential)) {
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                handler.accept(r);
                wall.add((System.nanoTime() - t0) / 1e6);
                cpu.add((mx.getCurrentThreadCpuTime() - c0) / 1e6);
            }
            List<Double> bareWall = new ArrayList<>();
            List<Double> bareCpuMs = new ArrayList<>();
            for (Map<String, AttributeValue> item : items(workload.requests(sequential), validator, clock, ttl)) {
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                writeOne(bareClient, item);
                bareWall.add((System.nanoTime() - t0) / 1e6);
                bareCpuMs.add((mx.getCurrentThreadCpuTime() - c0) / 1e6);
            }
            Workload.Request sample = workload.requests(1).get(0);
            Map<String, Double> breakdown = IngestBreakdown.measure(sample.eventJson(),
                    sample.body(), sample.customer().token(), Workload.SIGNING_KEY.getBytes(
                    java.nio.charset.StandardCharsets.UTF_8), Workload.APP, sample.customer().customerId(),
                    sample.customer().openid(), 5000);
            List<Double> pairRatios = new ArrayList<>();
            for (int i = 0; i < handlerRates.size(); i++) {
                pairRatios.add(handlerRates.get(i) / bareRates.get(i));
            }
            double cpuRatio = (bCpu.otherSeconds() + bCpu.dynamoLocalSeconds())
                    / (hCpu.otherSeconds() + hCpu.dynamoLocalSeconds());
            return new Result(threads, requestsPerRound, rounds, Parallel.percentile(pairRatios, 50), cpuRatio, (double) events / (requestsPerRound * rounds),
                    Parallel.percentile(handlerRates, 50), Parallel.percentile(bareRates, 50), handlerRates, bareRates, hCpu, bCpu,
                    units / (requestsPerRound * rounds), units / accepted, accepted, sent,
                    (double) computedUnits / events, (double) textUnits / events, (double) itemBytes / itemCount,
                    Parallel.mean(wall), Parallel.percentile(wall, 50), Parallel.percentile(wall, 99),
                    Parallel.mean(cpu), Parallel.mean(bareWall), Parallel.mean(bareCpuMs), breakdown, sample.events(),
                    logBytes, IngestInSitu.measure(bareClient, ingestHandler, invoker, workload, clock, ttl, 6,
                            Math.max(100, sequential / 4)));
        }
    }

    private static CpuMeter.Split add(CpuMeter.Split a, CpuMeter.Split b) {
        return a == null ? b : new CpuMeter.Split(a.dynamoLocalSeconds() + b.dynamoLocalSeconds(),
                a.otherSeconds() + b.otherSeconds(), a.processSeconds() + b.processSeconds());
    }

    static void writeOne(DynamoDbClient db, Map<String, AttributeValue> item) {
        Map<String, List<WriteRequest>> pending = Map.of(BARE_TABLE,
                List.of(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build()));
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            BatchWriteItemResponse r = db.batchWriteItem(b -> b.requestItems(request)
                    .returnConsumedCapacity(software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity.TOTAL));
            pending = r.hasUnprocessedItems() ? r.unprocessedItems() : Collections.emptyMap();
        }
    }

    /** The items the handler writes for these requests (same parse, validation, chunk and codec). */
    static List<Map<String, AttributeValue>> items(List<Workload.Request> requests, EventValidator validator,
                                                   Clock clock, Duration ttl) {
        return items(requests, validator, clock, ttl, BARE_APP);
    }

    static List<Map<String, AttributeValue>> items(List<Workload.Request> requests, EventValidator validator,
                                                   Clock clock, Duration ttl, String keyPrefix) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(requests.size());
        Instant now = clock.instant();
        for (Workload.Request r : requests) {
            List<?> raw = (List<?>) Json.read(r.body(), Map.class).get("events");
            List<TrackedEvent> accepted = new ArrayList<>();
            for (EventDecision d : validator.validate(raw)) {
                if (d instanceof EventDecision.Accepted a) {
                    accepted.add(a.event());
                }
            }
            EventChunk chunk = new EventChunk(Workload.APP, r.customer().customerId(), r.customer().openid(), accepted);
            Map<String, AttributeValue> item = new HashMap<>();
            // same table as the handler (a second table created in DynamoDB Local 3.1.0 measured ~2x slower
            // for the same loop), other keys: app "bare" has as many characters as "demo", so sizes match
            item.put(TableKeys.PK, AttributeValue.fromS(keyPrefix + chunk.partitionKey().substring(Workload.APP.length())));
            item.put(TableKeys.SK, AttributeValue.fromS(chunk.sortKey()));
            item.put(EventChunkCodec.OPENID, AttributeValue.fromS(chunk.openid()));
            item.put(EventChunkCodec.EVENTS, EventChunkCodec.eventsAttribute(chunk.events()));
            item.put(EventChunkCodec.RECEIVED, AttributeValue.fromN(Long.toString(now.toEpochMilli())));
            item.put(TableKeys.EXPIRES, AttributeValue.fromN(Long.toString(now.plus(ttl).getEpochSecond())));
            items.add(item);
        }
        return items;
    }
}
