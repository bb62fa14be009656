package com.mplifecycle.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.store.CampaignStore;
import com.mplifecycle.aws.store.ProfileCodec;
import com.mplifecycle.devtools.sandbox.LocalAws;
import com.mplifecycle.domain.campaign.Campaign;
import com.mplifecycle.domain.campaign.Trigger;
import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.functions.dispatch.DispatchHandler;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Figure 10: the 5-minute sweep with nothing due, N customers of one app (GROWING, last active a day ago,
 * an inactive-3-days campaign: each is in the due index two days ahead). The scheduled run of
 * {@code DispatchHandler} (reads counted by a {@link CountingProxy}) against a bare parallel Scan of the
 * same table (4 segments, the old sweep's reads: it scanned every profile), alternating, three rounds each.
 */
final class SweepBench {
    static final Instant NOW = Instant.parse("2026-03-10T02:00:00Z"); // 10:00 in Shanghai
    static final int SCAN_SEGMENTS = 4;

    record Round(double sweepSeconds, double sweepReadUnits, long sweepCalls, double scanSeconds, double scanReadUnits,
                 long scanned) {
    }

    record Result(int customers, List<Round> rounds, double medianSweepSeconds, double medianScanSeconds,
                  double sweepReadUnits, double scanReadUnits) {
        double readRatio() {
            return scanReadUnits / Math.max(sweepReadUnits, 1e-9);
        }

        double timeRatio() {
            return medianSweepSeconds / medianScanSeconds;
        }
    }

    Result run(int customers, int rounds) throws Exception {
        try (LocalAws aws = LocalAws.start(); CountingProxy proxy = new CountingProxy(aws.dynamo().endpoint())) {
            DynamoDbClient db = aws.client();
            String table = aws.names().valueOf("ProfilesTable");
            new CampaignStore(db, aws.names().valueOf("AppsTable")).put("shop", new Campaign("inactive", "inactive",
                    true, 40, new Trigger.Inactive(3), null, "T_MISS", "pages/index/index", Map.of("thing1", "好久不见"),
                    List.of(), 0));
            seed(db, table, customers);
            Map<String, String> env = new HashMap<>(aws.environment("DispatchFunction"));
            env.put("AWS_ENDPOINT_URL_DYNAMODB", proxy.uri().toString());
            env.put(FunctionEnv.LOCAL_SECRETS_JSON, "{\"tokenSigningKey\":\"0123456789abcdef0123456789abcdef\",\"apps\":{}}");
            DispatchHandler handler = new DispatchHandler(new FunctionEnv(env, Clock.fixed(NOW, ZoneOffset.UTC)));
            Map<String, Object> schedule = Map.of("detail-type", "Scheduled Event", "source", "aws.scheduler");
            handler.handle(schedule, null); // warm-up
            scan(db, table);
            List<Round> done = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                double before = proxy.readUnits.sum();
                long callsBefore = proxy.calls().values().stream().mapToLong(Long::longValue).sum();
                long t0 = System.nanoTime();
                handler.handle(schedule, null);
                double sweepSeconds = (System.nanoTime() - t0) / 1e9;
                long calls = proxy.calls().values().stream().mapToLong(Long::longValue).sum() - callsBefore;
                // DynamoDB Local reports 0 for a Query that finds nothing; DynamoDB bills at least half a unit
                double sweepUnits = Math.max(proxy.readUnits.sum() - before, 0.5 * calls);
                long t1 = System.nanoTime();
                double[] scan = scan(db, table);
                double scanSeconds = (System.nanoTime() - t1) / 1e9;
                done.add(new Round(sweepSeconds, sweepUnits, calls, scanSeconds, scan[1], (long) scan[0]));
            }
            return new Result(customers, done, median(done.stream().mapToDouble(Round::sweepSeconds).toArray()),
                    median(done.stream().mapToDouble(Round::scanSeconds).toArray()),
                    median(done.stream().mapToDouble(Round::sweepReadUnits).toArray()),
                    median(done.stream().mapToDouble(Round::scanReadUnits).toArray()));
        }
    }

    /** Customers in the due index two days ahead, written as the store writes them. */
    private static void seed(DynamoDbClient db, String table, int customers) {
        Instant lastActive = NOW.minus(Duration.ofDays(1));
        seedProfiles(db, table, customers, Optional.of(lastActive.plus(Duration.ofDays(3))),
                i -> CustomerProfile.empty("shop", String.format("c_%024x", i)).toBuilder()
                        .openid("o-" + i).stage(Stage.GROWING, lastActive.minus(Duration.ofDays(10)))
                        .firstSeenAt(lastActive.minus(Duration.ofDays(30))).lastActiveAt(lastActive)
                        .activeDays(List.of(20520, 20521, 20522)).version(1).build());
    }

    /** Writes {@code customers} profiles made by {@code profile} (by index) with four writers, as the store writes them. */
    static void seedProfiles(DynamoDbClient db, String table, int customers, Optional<Instant> due,
                             java.util.function.IntFunction<CustomerProfile> profile) {
        Parallel.run(4, List.of(0, 1, 2, 3), part -> {
            List<WriteRequest> batch = new ArrayList<>();
            for (int i = part; i < customers; i += 4) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder()
                        .item(ProfileCodec.item(profile.apply(i), List.of(), due)).build()).build());
                if (batch.size() == 25 || i + 4 >= customers) {
                    Map<String, List<WriteRequest>> pending = Map.of(table, List.copyOf(batch));
                    while (!pending.isEmpty()) {
                        Map<String, List<WriteRequest>> send = pending;
                        pending = db.batchWriteItem(b -> b.requestItems(send)).unprocessedItems();
                    }
                    batch.clear();
                }
            }
        });
    }

    /** A bare parallel Scan: {items, read units}. */
    private static double[] scan(DynamoDbClient db, String table) {
        AtomicLong items = new AtomicLong();
        AtomicLong milliUnits = new AtomicLong();
        Parallel.run(SCAN_SEGMENTS, java.util.stream.IntStream.range(0, SCAN_SEGMENTS).boxed().toList(), s -> {
            for (var page : db.scanPaginator(b -> b.tableName(table).segment(s).totalSegments(SCAN_SEGMENTS)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))) {
                items.addAndGet(page.count());
                if (page.consumedCapacity() != null && page.consumedCapacity().capacityUnits() != null) {
                    milliUnits.addAndGet(Math.round(page.consumedCapacity().capacityUnits() * 1000));
                }
            }
        });
        return new double[] {items.get(), milliUnits.get() / 1000.0};
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
