package com.mplifecycle.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.devtools.invoke.LambdaInvoker;
import com.mplifecycle.devtools.invoke.LocalContext;
import com.mplifecycle.devtools.sandbox.LocalAws;
import com.mplifecycle.devtools.streams.StreamEventSource;
import com.mplifecycle.devtools.streams.StreamSourceConfig;
import com.mplifecycle.functions.ingest.IngestHandler;
import com.mplifecycle.functions.lifecycle.LifecycleHandler;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Figure 4 (end to end) and figure 2 (lifecycle part): requests are ingested first (not timed),
 * then the events table's stream is read with the template's event source mapping (batches of
 * 100, partial failures, bisect) into the lifecycle function, timed until every record is
 * checkpointed. With {@code countCapacity}, the function's DynamoDB and EventBridge clients go
 * through a {@link CountingProxy} (calls, consumed read/write units, PutEvents entries).
 */
final class LifecycleBench {
    record Result(int requests, long events, long records, double seconds, double eventsPerSecond,
                  long invocations, double invocationMsMean, double invocationMsP50, CpuMeter.Split cpu,
                  Map<String, Long> calls, double readUnits, double writeUnits, long putEventsEntries,
                  double meanProfileBytes, double computedProfileWriteUnits, long profiles, long logBytes) {
        double writeUnitsPerEvent() {
            return writeUnits / events;
        }
    }

    Result run(int requests, int customers, boolean countCapacity) throws Exception {
        Clock clock = Clock.systemUTC();
        try (LocalAws aws = LocalAws.start(); LocalBus bus = new LocalBus(aws)) {
            Map<String, String> ingestEnv = new HashMap<>(aws.environment("IngestFunction"));
            ingestEnv.put(FunctionEnv.LOCAL_SECRETS_JSON, Workload.secretsJson());
            LambdaInvoker ingest = LambdaInvoker.of(new IngestHandler(new FunctionEnv(ingestEnv, clock)));
            Workload workload = new Workload(customers, 7, clock);
            List<Workload.Request> sent = workload.requests(requests);
            long events = sent.stream().mapToLong(Workload.Request::events).sum();
            Parallel.run(4, sent, r -> ingest.invoke(r.eventJson(), LocalContext.start("IngestFunction", "us-east-1",
                    1024, Duration.ofSeconds(15))));

            Map<String, String> env = new HashMap<>(aws.environment("LifecycleFunction"));
            CountingProxy dynamoProxy = null;
            CountingProxy busProxy = null;
            if (countCapacity) {
                dynamoProxy = new CountingProxy(aws.dynamo().endpoint());
                busProxy = new CountingProxy(bus.endpoint.uri());
                env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoProxy.uri().toString());
                env.put("AWS_ENDPOINT_URL_EVENTBRIDGE", busProxy.uri().toString());
            }
            LambdaInvoker lifecycle = LambdaInvoker.of(new LifecycleHandler(new FunctionEnv(env, clock)));
            String eventsTable = aws.names().valueOf("EventsTable");
            String arn = aws.client().describeTable(b -> b.tableName(eventsTable)).table().latestStreamArn();
            // the template's mapping: BatchSize 100, window 0, TRIM_HORIZON, ReportBatchItemFailures, bisect, 5 retries
            StreamSourceConfig config = new StreamSourceConfig(eventsTable, arn, 100, 0, "TRIM_HORIZON", true, true, 5,
                    21600, "LifecycleFunction", "us-east-1");
            List<Double> invocationMs = Collections.synchronizedList(new ArrayList<>());
            StreamEventSource source = StreamEventSource.create(config, aws.dynamo().streamsClient(), json -> {
                long t0 = System.nanoTime();
                String out = lifecycle.invoke(json, LocalContext.start("LifecycleFunction", "us-east-1", 1024,
                        Duration.ofSeconds(60)));
                invocationMs.add((System.nanoTime() - t0) / 1e6);
                return out;
            });
            CpuMeter cpu = new CpuMeter();
            long t0 = System.nanoTime();
            source.start();
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (source.stats().records() < requests && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            CpuMeter.Split split = cpu.stop();
            long records = source.stats().records();
            long invocations = source.stats().batches();
            source.stop();
            if (records < requests || source.stats().failures() > 0) {
                throw new IllegalStateException("stream did not complete cleanly: " + source.stats());
            }
            // profile sizes by the published rules, for the cross-check of the reported write units
            long profiles = 0;
            long bytes = 0;
            long units = 0;
            String profilesTable = aws.names().valueOf("ProfilesTable");
            for (var page : aws.client().scanPaginator(b -> b.tableName(profilesTable))) {
                for (Map<String, AttributeValue> item : page.items()) {
                    profiles++;
                    bytes += ItemSizes.bytes(item);
                    units += ItemSizes.writeUnits(item);
                }
            }
            Result r = new Result(requests, events, records, seconds, events / seconds, invocations,
                    Parallel.mean(invocationMs), Parallel.percentile(invocationMs, 50), split,
                    dynamoProxy == null ? Map.of() : merge(dynamoProxy.calls(), busProxy.calls()),
                    dynamoProxy == null ? 0 : dynamoProxy.readUnits.sum(),
                    dynamoProxy == null ? 0 : dynamoProxy.writeUnits.sum(),
                    busProxy == null ? 0 : busProxy.putEventsEntries.get(),
                    profiles == 0 ? 0 : (double) bytes / profiles, profiles == 0 ? 0 : (double) units / profiles,
                    profiles, 0);
            if (dynamoProxy != null) {
                dynamoProxy.close();
                busProxy.close();
            }
            return r;
        }
    }

    private static Map<String, Long> merge(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> out = new java.util.TreeMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, Long::sum));
        return out;
    }
}
