package com.mplifecycle.functions.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.bus.StageChangePublisher;
import com.mplifecycle.aws.config.AwsClients;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.aws.store.StatisticsStore;
import com.mplifecycle.devtools.sandbox.LocalAws;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.churn.BgNbdModel;
import com.mplifecycle.domain.churn.RepeatSummary;
import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.profile.ChurnSnapshot;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.CustomerScores;
import com.mplifecycle.domain.profile.PurchaseHistory;
import com.mplifecycle.domain.profile.RfmSnapshot;
import com.mplifecycle.domain.rfm.RfmRun;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** The scheduled recomputation against the template's tables in DynamoDB Local. */
class RfmHandlerIT {
    private static final Instant NOW = Instant.parse("2026-03-01T04:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final int KEPT_RUN_SCAN_WORKERS = 4;
    private static FakeEventBridge bus;
    private LocalAws aws;
    private ProfileStore profiles;
    private AppStore apps;

    @BeforeAll
    static void startBus() {
        bus = FakeEventBridge.start();
    }

    @AfterAll
    static void stopBus() {
        bus.close();
    }

    @BeforeEach
    void start() {
        aws = LocalAws.start();
        aws.endpoint("EVENTBRIDGE", bus.endpoint());
        Map<String, String> env = aws.environment("RfmFunction");
        profiles = new ProfileStore(aws.client(), env.get(FunctionEnv.PROFILES_TABLE));
        apps = new AppStore(aws.client(), env.get(FunctionEnv.APPS_TABLE), Clock.fixed(NOW, ZoneOffset.UTC));
        bus.clear();
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private Map<String, Object> runAt(Instant at) {
        Map<String, String> variables = new java.util.HashMap<>(aws.environment("RfmFunction"));
        variables.put(FunctionEnv.RFM_INVOCATIONS_MAX, "1"); // one invocation; FanOutRunIT covers the fan-out
        FunctionEnv env = new FunctionEnv(variables, Clock.fixed(at, ZoneOffset.UTC));
        return new RfmHandler(env).handle(Map.of("source", "aws.scheduler"), null);
    }

    private CustomerProfile seed(Customers customer) {
        return profiles.save(customer.profile()).orElseThrow();
    }

    private CustomerProfile stored(CustomerProfile p) {
        return profiles.load(p.appId(), p.customerId()).orElseThrow();
    }

    private Customers visitorActiveOnThreeDays(Instant lastActive) {
        return Customers.of("shop", "visitor").launch(lastActive.minus(DAY.multipliedBy(2)))
                .launch(lastActive.minus(DAY)).launch(lastActive);
    }

    /** The scores a reader derives from the app's last run record. */
    private CustomerScores scores(String app) {
        return CustomerScores.of(apps.rfmRun(app).orElseThrow(), AppSettings.defaults(app).timeZone());
    }

    @Test
    void handleRequest_freshProfiles_writesNoProfileAndReadersScoreBuyersOnly() {
        CustomerProfile buyer = seed(Customers.of("shop", "b1").paid(NOW.minus(DAY.multipliedBy(3)), 19_900));
        CustomerProfile visitor = seed(visitorActiveOnThreeDays(NOW.minus(DAY)));

        Map<String, Object> counts = runAt(NOW);

        RfmSnapshot rfm = scores("shop").rfm(stored(buyer)).orElseThrow();
        assertEquals(0L, counts.get("written"));
        assertEquals(2L, counts.get("scanned"));
        assertEquals(3, rfm.recencyDays());
        assertEquals(1, rfm.frequency());
        assertEquals(19_900, rfm.monetaryFen());
        assertEquals(NOW, rfm.computedAt());
        assertTrue(scores("shop").churn(stored(buyer)).isEmpty(), "no model for one buyer");
        assertEquals(1, stored(buyer).version());
        assertTrue(scores("shop").rfm(stored(visitor)).isEmpty());
        assertEquals(1, stored(visitor).version());
    }

    @Test
    void handleRequest_nextNightRecencyGrewAndNewBuyersMovedBoundaries_writesNothing() {
        CustomerProfile b1 = seed(Customers.of("shop", "b1").paid(NOW.minus(DAY.multipliedBy(3)), 19_900));
        CustomerProfile b2 = seed(Customers.of("shop", "b2").paid(NOW.minus(DAY.multipliedBy(40)), 5_000)
                .paid(NOW.minus(DAY.multipliedBy(10)), 8_000));
        runAt(NOW);
        RfmSnapshot before = scores("shop").rfm(stored(b1)).orElseThrow();
        seed(Customers.of("shop", "b3").paid(NOW.plus(Duration.ofHours(2)), 90_000));

        Map<String, Object> nextNight = runAt(NOW.plus(DAY));

        RfmSnapshot after = scores("shop").rfm(stored(b1)).orElseThrow();
        assertEquals(0L, nextNight.get("written"));
        assertEquals(1, stored(b1).version());
        assertEquals(1, stored(b2).version());
        assertEquals(before.recencyDays() + 1, after.recencyDays());
        assertEquals(NOW.plus(DAY), after.computedAt());
    }

    @Test
    void handleRequest_secondRunSameDay_writesNothing() {
        CustomerProfile buyer = seed(Customers.of("shop", "b1").paid(NOW.minus(DAY.multipliedBy(3)), 19_900));
        seed(Customers.of("shop", "b2").paid(NOW.minus(DAY.multipliedBy(40)), 5_000)
                .paid(NOW.minus(DAY.multipliedBy(10)), 8_000));
        runAt(NOW);
        long version = stored(buyer).version();

        Map<String, Object> sameClock = runAt(NOW);
        Map<String, Object> anHourLater = runAt(NOW.plus(Duration.ofHours(1)));

        assertEquals(0L, sameClock.get("written"));
        assertEquals(0L, anHourLater.get("written"));
        assertEquals(version, stored(buyer).version());
    }

    @Test
    void handleRequest_clockAdvanced_growingDeclinesAfter14DaysAndChurnsAfter60() {
        Instant lastActive = NOW.minus(DAY);
        CustomerProfile visitor = seed(visitorActiveOnThreeDays(lastActive));
        assertEquals(Stage.GROWING, visitor.stage());

        Map<String, Object> day13 = runAt(lastActive.plus(DAY.multipliedBy(13)));
        Map<String, Object> day14 = runAt(lastActive.plus(DAY.multipliedBy(14)));
        CustomerProfile declined = stored(visitor);
        Map<String, Object> day30 = runAt(lastActive.plus(DAY.multipliedBy(30)));
        Map<String, Object> day60 = runAt(lastActive.plus(DAY.multipliedBy(60)));
        CustomerProfile churned = stored(visitor);

        assertEquals(0L, day13.get("written"));
        assertEquals(1L, day14.get("decayed"));
        assertEquals(Stage.DECLINING, declined.stage());
        assertEquals(lastActive.plus(DAY.multipliedBy(14)), declined.stageSince());
        assertEquals(visitor.version() + 1, declined.version());
        assertEquals(0L, day30.get("written"));
        assertEquals(Stage.CHURNED, churned.stage());
        assertEquals(1L, day60.get("decayed"));
        assertEquals(declined.version() + 1, churned.version());
        List<JsonNode> published = bus.stageChanges();
        assertEquals(2, published.size());
        assertEquals("GROWING", published.get(0).get("from").asText());
        assertEquals("DECLINING", published.get(0).get("to").asText());
        assertEquals("inactive_14d", published.get(0).get("reason").asText());
        assertEquals(visitor.customerId(), published.get(0).get("customerId").asText());
        assertEquals("CHURNED", published.get(1).get("to").asText());
    }

    @Test
    void handleRequest_anyRun_storesRunRecordPerApp() {
        seed(Customers.of("shop", "b1").paid(NOW.minus(DAY.multipliedBy(3)), 19_900));
        seed(Customers.of("shop", "b2").paid(NOW.minus(DAY.multipliedBy(200)), 50_000));
        seed(visitorActiveOnThreeDays(NOW.minus(DAY)));
        seed(Customers.of("cafe", "c1").paid(NOW.minus(DAY.multipliedBy(2)), 3_000));

        Map<String, Object> counts = runAt(NOW);

        RfmRun shop = apps.rfmRun("shop").orElseThrow();
        assertEquals(NOW, shop.ranAt());
        assertEquals(LocalDate.of(2026, 3, 1), shop.asOf());
        assertEquals(3, shop.customers());
        assertEquals(2, shop.buyers());
        assertEquals(101.5, shop.meanRecencyDays(), 1e-9);
        assertNull(shop.bgNbdParameters());
        assertEquals(2L, shop.segmentCounts().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(3L, shop.stageCounts().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(1, apps.rfmRun("cafe").orElseThrow().buyers());
        assertEquals(Map.of("buyers", 2L, "fitted", false), ((Map<?, ?>) counts.get("apps")).get("shop"));
    }

    @Test
    void handleRequest_appWithEnoughRepeatBuyers_fitsModelAndChurnOnReadIsTheModelsValue() {
        SplittableRandom random = new SplittableRandom(7);
        CustomerProfile sample = null;
        for (int i = 0; i < 240; i++) {
            Customers c = Customers.of("big", "u" + i);
            Instant at = NOW.minus(DAY.multipliedBy(30 + random.nextInt(300)));
            int purchases = 1 + random.nextInt(5);
            for (int k = 0; k < purchases && at.isBefore(NOW); k++) {
                c.paid(at, 1_000 + random.nextInt(50_000));
                at = at.plus(DAY.multipliedBy(5 + random.nextInt(40)));
            }
            sample = seed(c);
        }

        Map<String, Object> counts = runAt(NOW);

        RfmRun run = apps.rfmRun("big").orElseThrow();
        assertNotNull(run.bgNbdParameters());
        assertEquals(240, run.buyers());
        assertEquals(counts.get("decayed"), counts.get("written"), "churn values are not stored, only decays");
        // What the run stored on the profile before churn was derived on read: the model's values, 4 decimals.
        BgNbdModel model = BgNbdModel.of(run.bgNbdParameters());
        RepeatSummary summary = PurchaseHistory.repeatSummary(PurchaseHistory.rfmOrders(sample,
                AppSettings.defaults("big").timeZone()), run.asOf()).orElseThrow();
        ChurnSnapshot former = ChurnSnapshot.rounded(model.pAlive(summary), model.expectedPurchases(30 / 7.0, summary),
                NOW);
        assertEquals(former, scores("big").churn(stored(sample)).orElseThrow());
        assertEquals(Map.of("buyers", 240L, "fitted", true), ((Map<?, ?>) counts.get("apps")).get("big"));
    }

    @Test
    void handleRequest_fittedAppNextNightAfterNewOrders_writesNoProfile() {
        SplittableRandom random = new SplittableRandom(11);
        List<Customers> customers = new java.util.ArrayList<>();
        for (int i = 0; i < 240; i++) {
            Customers c = Customers.of("big", "u" + i);
            Instant at = NOW.minus(DAY.multipliedBy(30 + random.nextInt(300)));
            for (int k = 0; k < 1 + random.nextInt(5) && at.isBefore(NOW.minus(DAY.multipliedBy(20))); k++) {
                c.paid(at, 1_000 + random.nextInt(50_000));
                at = at.plus(DAY.multipliedBy(5 + random.nextInt(40)));
            }
            seed(c);
            customers.add(c);
        }
        Map<String, Object> first = runAt(NOW);
        for (int i = 0; i < 24; i++) { // 10 % buy again today: the boundaries, means and model all move
            CustomerProfile bought = customers.get(i).paid(NOW.plus(Duration.ofHours(1)), 70_000).profile();
            profiles.save(bought.toBuilder().version(stored(bought).version()).build()).orElseThrow();
        }

        Map<String, Object> next = runAt(NOW.plus(DAY));

        assertEquals(first.get("decayed"), first.get("written"), "only decays are written");
        assertEquals(next.get("decayed"), next.get("written"), "only decays are written");
        assertTrue((Long) next.get("written") <= 2, "a day's decays: " + next);
    }

    // A one-invocation run over a small table keeps pass 1's profiles for pass 2: one scan, the same results.

    /** What one run over a freshly seeded table did: its summary, its stored record, the Scan calls it made. */
    private record Outcome(ScoringRun.Summary summary, String record, int scans, int decaysPublished) {
    }

    private static Outcome runOverSeededTable(int keptBetweenPasses) {
        bus.clear();
        try (LocalAws aws = LocalAws.start()) {
            aws.endpoint("EVENTBRIDGE", bus.endpoint());
            FunctionEnv env = new FunctionEnv(aws.environment("RfmFunction"), Clock.fixed(NOW, ZoneOffset.UTC));
            AtomicInteger scans = new AtomicInteger();
            AwsClients clients = new AwsClients(env, new ExecutionInterceptor() {
                @Override
                public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                    if ("Scan".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
                        scans.incrementAndGet();
                    }
                }
            });
            String appsTable = env.required(FunctionEnv.APPS_TABLE);
            ProfileStore profiles = new ProfileStore(clients.dynamoDb(), env.required(FunctionEnv.PROFILES_TABLE));
            AppStore apps = new AppStore(clients.dynamoDb(), appsTable, env.clock());
            for (int i = 0; i < 40; i++) {
                Customers c = Customers.of("shop", "c" + i);
                // buyers of 1-3 orders, some last seen long ago (they decay to DECLINING or CHURNED)
                Instant last = NOW.minus(DAY.multipliedBy(i % 4 == 0 ? 70 + i : 1 + i));
                for (int order = 0; order <= i % 3; order++) {
                    c = c.paid(last.minus(DAY.multipliedBy(9L * order)), 1_000 + 100L * i);
                }
                profiles.save(c.profile()).orElseThrow();
            }
            ScoringRun.Summary summary = new ScoringRun(profiles, apps,
                    new StatisticsStore(clients.dynamoDb(), appsTable),
                    new StageChangePublisher(clients.eventBridge(), env.required(FunctionEnv.EVENT_BUS_NAME)),
                    KEPT_RUN_SCAN_WORKERS, 50_000, keptBetweenPasses, NOW).run();
            return new Outcome(summary, Json.write(apps.rfmRun("shop").orElseThrow()), scans.get(),
                    bus.stageChanges().size());
        }
    }

    @Test
    void run_smallTable_scansOnce_withTheResultsOfTwoScans() {
        Outcome twoScans = runOverSeededTable(0);
        Outcome kept = runOverSeededTable(ScoringRun.KEPT_BETWEEN_PASSES);

        assertEquals(2 * KEPT_RUN_SCAN_WORKERS, twoScans.scans(), "each scan worker scanned in each pass (small table: one page)");
        assertEquals(KEPT_RUN_SCAN_WORKERS, kept.scans());
        assertEquals(40, kept.summary().scanned());
        assertTrue(kept.summary().decayed() > 0, "some customers decay: pass 2 writes from the kept pages");
        assertEquals(Map.of("scanned", twoScans.summary().scanned(), "written", twoScans.summary().written(),
                        "decayed", twoScans.summary().decayed(), "failed", twoScans.summary().failed()),
                Map.of("scanned", kept.summary().scanned(), "written", kept.summary().written(),
                        "decayed", kept.summary().decayed(), "failed", kept.summary().failed()));
        assertEquals(twoScans.decaysPublished(), kept.decaysPublished());
        assertEquals(twoScans.record(), kept.record());
    }
}
