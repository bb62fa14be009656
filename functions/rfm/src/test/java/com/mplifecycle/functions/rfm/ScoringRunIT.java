package com.mplifecycle.functions.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mplifecycle.aws.bus.StageChangePublisher;
import com.mplifecycle.aws.config.AwsClients;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.aws.store.StatisticsStore;
import com.mplifecycle.devtools.sandbox.LocalAws;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** A one-invocation run over a small table keeps pass 1's profiles for pass 2: one scan, the same results. */
class ScoringRunIT {
    private static final Instant NOW = Instant.parse("2026-03-01T04:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final int SEGMENTS = 4;
    private static FakeEventBridge bus;

    @BeforeAll
    static void startBus() {
        bus = FakeEventBridge.start();
    }

    @AfterAll
    static void stopBus() {
        bus.close();
    }

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
                    SEGMENTS, 50_000, keptBetweenPasses, NOW).run();
            return new Outcome(summary, Json.write(apps.rfmRun("shop").orElseThrow()), scans.get(),
                    bus.stageChanges().size());
        }
    }

    @Test
    void run_smallTable_scansOnce_withTheResultsOfTwoScans() {
        Outcome twoScans = runOverSeededTable(0);
        Outcome kept = runOverSeededTable(ScoringRun.KEPT_BETWEEN_PASSES);

        assertEquals(2 * SEGMENTS, twoScans.scans(), "each segment scanned in each pass (small table: one page)");
        assertEquals(SEGMENTS, kept.scans());
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
