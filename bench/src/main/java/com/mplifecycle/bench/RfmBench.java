package com.mplifecycle.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.store.ProfileCodec;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.devtools.sandbox.LocalAws;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.event.EventType;
import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.domain.lifecycle.ProfileFolder;
import com.mplifecycle.domain.profile.CustomerIds;
import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.functions.rfm.RfmHandler;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Figure 5: the RFM function on N synthetic customers of one app, built from the Online Retail
 * invoices (4,339 buyers; customer k of copy j gets a new openid and the buyer's invoices moved
 * to end yesterday, shifted back by j mod 7 days), folded into profiles as the stream function
 * would. Three runs with the same clock: first (scores everything), again with nothing changed,
 * and after 5 % of customers paid a new order. Against a bare parallel Scan of the same table.
 */
final class RfmBench {
    static final Instant NOW = Instant.parse("2026-03-01T04:00:00Z");
    static final String APP = "shop";
    static final LocalDate LAST_INVOICE_DAY = LocalDate.of(2011, 12, 9);

    record Run(long scanned, long written, long decayed, long elapsedMs, CpuMeter.Split cpu) {
        double customersPerSecond() {
            return scanned * 1000.0 / elapsedMs;
        }
    }

    record Result(int customers, int scanWorkers, double seedSeconds, Run first, Run unchanged, Run fivePercent,
                  long changedCustomers, long stageChanged, double bareScanSeconds, long bareScanned, CpuMeter.Split bareCpu,
                  double meanItemBytes, double meanReadUnitsPerItemScanned) {
        double bareItemsPerSecond() {
            return bareScanned / bareScanSeconds;
        }
    }

    Result run(int customers, int scanWorkers) throws Exception {
        Map<String, List<BigDecimal[]>> buyers = invoices();
        List<String> ids = new ArrayList<>(buyers.keySet());
        try (LocalAws aws = LocalAws.start(); LocalBus bus = new LocalBus(aws)) {
            Map<String, String> env = new HashMap<>(aws.environment("RfmFunction"));
            env.put("RFM_SCAN_WORKERS", Integer.toString(scanWorkers));
            // one invocation over the whole table however large (the figure is one scan worker's throughput; beyond
            // 250,000 customers the function would fan out, which figure 9 models)
            env.put(FunctionEnv.RFM_CUSTOMERS_PER_INVOCATION, Integer.toString(Math.max(customers, 1)));
            String table = env.get(FunctionEnv.PROFILES_TABLE);
            DynamoDbClient db = aws.client();
            ProfileFolder folder = new ProfileFolder(AppSettings.defaults(APP));

            long s0 = System.nanoTime();
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < customers; i++) {
                all.add(i);
            }
            List<List<Integer>> chunks = new ArrayList<>();
            for (int i = 0; i < customers; i += 25) {
                chunks.add(all.subList(i, Math.min(customers, i + 25)));
            }
            AtomicLong bytes = new AtomicLong();
            Parallel.run(4, chunks, chunk -> {
                List<WriteRequest> writes = new ArrayList<>();
                for (int i : chunk) {
                    CustomerProfile p = profile(folder, i, buyers.get(ids.get(i % ids.size())), i / ids.size());
                    Map<String, AttributeValue> item = ProfileCodec.item(p.toBuilder().version(1).build());
                    bytes.addAndGet(ItemSizes.bytes(item));
                    writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
                }
                Map<String, List<WriteRequest>> pending = Map.of(table, writes);
                while (!pending.isEmpty()) {
                    Map<String, List<WriteRequest>> req = pending;
                    BatchWriteItemResponse r = db.batchWriteItem(b -> b.requestItems(req));
                    pending = r.hasUnprocessedItems() ? r.unprocessedItems() : Map.of();
                }
            });
            double seedSeconds = (System.nanoTime() - s0) / 1e9;

            RfmHandler handler = new RfmHandler(new FunctionEnv(env, Clock.fixed(NOW, ZoneOffset.UTC)));
            Run first = run(handler);
            Run unchanged = run(handler);

            // bare parallel Scan of the same table: same scan workers, one thread each, items counted only
            AtomicLong scanned = new AtomicLong();
            AtomicLong scanUnits = new AtomicLong();
            List<Integer> segs = new ArrayList<>();
            for (int s = 0; s < scanWorkers; s++) {
                segs.add(s);
            }
            CpuMeter bareMeter = new CpuMeter();
            double bareSeconds = Parallel.run(scanWorkers, segs, s -> {
                for (var page : db.scanPaginator(b -> b.tableName(table).segment(s).totalSegments(scanWorkers)
                        .returnConsumedCapacity(software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity.TOTAL))) {
                    scanned.addAndGet(page.count());
                    if (page.consumedCapacity() != null && page.consumedCapacity().capacityUnits() != null) {
                        scanUnits.addAndGet(Math.round(page.consumedCapacity().capacityUnits() * 1000));
                    }
                }
            });
            CpuMeter.Split bareCpu = bareMeter.stop();

            // 5 % of customers pay a new order today (through the store, as the stream function writes)
            ProfileStore store = new ProfileStore(db, table);
            SplittableRandom random = new SplittableRandom(11);
            long changed = 0;
            for (int i = 0; i < customers; i++) {
                if (random.nextInt(100) >= 5) {
                    continue;
                }
                String customerId = CustomerIds.of(APP, "oRetail" + i);
                CustomerProfile p = store.load(APP, customerId).orElseThrow();
                Instant at = NOW.minus(Duration.ofHours(2));
                CustomerProfile next = folder.fold(p, null, List.of(new TrackedEvent("new-" + i, EventType.ORDER_PAID, at,
                        Map.of("orderId", "new-" + i, "amountFen", 1000L + random.nextInt(20_000))))).profile();
                store.save(next).orElseThrow();
                changed++;
            }
            Map<String, VersionAndStage> before = snapshot(db, table);
            Run five = run(handler);
            Map<String, VersionAndStage> after = snapshot(db, table);
            long stageChanged = 0;
            for (Map.Entry<String, VersionAndStage> e : after.entrySet()) {
                VersionAndStage b = before.get(e.getKey());
                VersionAndStage a = e.getValue();
                if (b != null && b.version() != a.version() && b.stage() != a.stage()) {
                    stageChanged++;
                }
            }
            return new Result(customers, scanWorkers, seedSeconds, first, unchanged, five, changed, stageChanged,
                    bareSeconds,
                    scanned.get(), bareCpu, (double) bytes.get() / customers,
                    scanUnits.get() / 1000.0 / Math.max(1, scanned.get()));
        }
    }

    /** What the stage-change count needs of a profile (a million whole profiles twice would not fit the heap). */
    private record VersionAndStage(long version, Stage stage) {
    }

    private static Map<String, VersionAndStage> snapshot(DynamoDbClient db, String table) {
        Map<String, VersionAndStage> out = new HashMap<>();
        for (var page : db.scanPaginator(b -> b.tableName(table))) {
            for (Map<String, AttributeValue> item : page.items()) {
                CustomerProfile p = ProfileCodec.profile(item);
                out.put(p.customerId(), new VersionAndStage(p.version(), p.stage()));
            }
        }
        return out;
    }

    private static Run run(RfmHandler handler) {
        CpuMeter meter = new CpuMeter();
        Map<String, Object> counts = handler.handle(Map.of(), null);
        CpuMeter.Split cpu = meter.stop();
        return new Run((Long) counts.get("scanned"), (Long) counts.get("written"), (Long) counts.get("decayed"),
                (Long) counts.get("elapsedMs"), cpu);
    }

    /** Customer i: the buyer's invoices as launch + order_paid events, moved to end on NOW's eve. */
    static CustomerProfile profile(ProfileFolder folder, int i, List<BigDecimal[]> invoices, int copy) {
        String openid = "oRetail" + i;
        long shiftDays = ChronoUnit.DAYS.between(LAST_INVOICE_DAY, LocalDate.ofInstant(NOW, ZoneOffset.UTC)) - 1
                - copy % 7;
        List<TrackedEvent> events = new ArrayList<>();
        int k = 0;
        for (BigDecimal[] inv : invoices) {
            Instant at = LocalDate.ofEpochDay(inv[0].longValue() + shiftDays).atTime(10, 0).toInstant(ZoneOffset.UTC)
                    .plusSeconds(k * 60L);
            events.add(new TrackedEvent("l" + k, EventType.APP_LAUNCH, at, Map.of("scene", 1001L)));
            events.add(new TrackedEvent("p" + k, EventType.ORDER_PAID, at.plusSeconds(30), Map.of("orderId",
                    "inv" + k + "-" + i, "amountFen", inv[1].movePointRight(2).longValue())));
            k++;
        }
        return folder.fold(CustomerProfile.empty(APP, CustomerIds.of(APP, openid)), openid, events).profile();
    }

    /** Online Retail invoices by customer: [epoch day, amount]. */
    static Map<String, List<BigDecimal[]>> invoices() throws IOException {
        Map<String, List<BigDecimal[]>> byCustomer = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(Path.of("shared/domain/src/test/resources/data/online_retail_invoices.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            byCustomer.computeIfAbsent(f[2], c -> new ArrayList<>()).add(new BigDecimal[] {
                    BigDecimal.valueOf(LocalDate.parse(f[1]).toEpochDay()), new BigDecimal(f[3]).setScale(2,
                    java.math.RoundingMode.HALF_UP)});
        }
        return byCustomer;
    }
}
