package com.mplifecycle.functions.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.bus.RfmSlicePublisher;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.aws.store.StatisticsStore;
import com.mplifecycle.devtools.sandbox.LocalAws;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.CustomerScores;
import com.mplifecycle.domain.rfm.RfmRun;
import com.mplifecycle.domain.stats.CustomerStatistics;

/**
 * A run fanned out over slice invocations, with the bus played by hand: every
 * {@code RfmSliceRequested} the function publishes is handed back to it, as the template's rule
 * does. Compared with the one-invocation run on the same profiles.
 */
class FanOutRunIT {
    /** Near the real now: the run's items expire (TTL) a week after the run, and DynamoDB Local deletes them. */
    private static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).plusSeconds(4 * 3600);
    private static final Duration DAY = Duration.ofDays(1);
    private static FakeEventBridge bus;
    private LocalAws aws;

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
        bus.clear();
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private RfmHandler handler(int totalSlices) {
        Map<String, String> variables = new HashMap<>(aws.environment("RfmFunction"));
        variables.put(FunctionEnv.RFM_INVOCATIONS_MAX, Integer.toString(totalSlices));
        variables.put(FunctionEnv.RFM_CUSTOMERS_PER_INVOCATION, "1"); // fan out this small table all the way
        variables.put(RfmHandler.SCAN_WORKERS_VARIABLE, "2");
        return new RfmHandler(new FunctionEnv(variables, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    private ProfileStore profiles() {
        return new ProfileStore(aws.client(), aws.environment("RfmFunction").get(FunctionEnv.PROFILES_TABLE));
    }

    private void seed() {
        SplittableRandom random = new SplittableRandom(11);
        for (String app : List.of("big", "small")) {
            int customers = app.equals("big") ? 260 : 30;
            for (int i = 0; i < customers; i++) {
                Customers c = Customers.of(app, "u" + i);
                Instant at = NOW.minus(DAY.multipliedBy(1 + random.nextInt(400)));
                int purchases = random.nextInt(5);
                c.launch(at);
                for (int k = 0; k < purchases && at.isBefore(NOW); k++) {
                    c.paid(at, 1_000 + random.nextInt(50_000));
                    at = at.plus(DAY.multipliedBy(3 + random.nextInt(40)));
                }
                profiles().save(c.profile()).orElseThrow();
            }
        }
    }

    /** Hands every slice request published since {@code from} back to the function until none is left. */
    private int deliver(RfmHandler handler, int from) {
        int delivered = from;
        for (List<JsonNode> pending = requests(); delivered < pending.size(); pending = requests()) {
            handler.handle(envelope(pending.get(delivered++)), null);
        }
        return delivered;
    }

    private static List<JsonNode> requests() {
        return bus.entries(RfmSlicePublisher.DETAIL_TYPE);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> envelope(JsonNode entry) {
        return Map.of("source", entry.get("Source").asText(), "detail-type", entry.get("DetailType").asText(),
                "detail", Json.read(entry.get("Detail").asText(), Map.class));
    }

    /** Each customer's stage and the scores a reader derives from the app's run record. */
    private Map<String, String> scores(AppStore apps) {
        Map<String, CustomerScores> byApp = new HashMap<>();
        Map<String, String> scores = new TreeMap<>();
        profiles().scan(0, 1, page -> page.forEach(p -> {
            CustomerScores s = byApp.computeIfAbsent(p.appId(), app -> CustomerScores.of(apps.rfmRun(app).orElseThrow(),
                    AppSettings.defaults(app).timeZone()));
            scores.put(p.appId() + "#" + p.customerId(), p.stage() + " " + s.rfm(p) + " " + s.churn(p));
        }));
        return scores;
    }

    private Map<String, Object> outcome() {
        String table = aws.environment("RfmFunction").get(FunctionEnv.APPS_TABLE);
        AppStore apps = new AppStore(aws.client(), table, Clock.fixed(NOW, ZoneOffset.UTC));
        StatisticsStore statistics = new StatisticsStore(aws.client(), table);
        Map<String, Object> outcome = new TreeMap<>(scores(apps));
        for (String app : List.of("big", "small")) {
            RfmRun run = apps.rfmRun(app).orElseThrow();
            CustomerStatistics stats = statistics.customerStatistics(app).orElseThrow();
            outcome.put("run " + app, run);
            outcome.put("stats " + app, stats);
        }
        return outcome;
    }

    @Test
    void fanOut_fourSlices_storesSameScoresAndRunRecordsAsOneInvocation() {
        seed();
        handler(1).handle(Map.of("source", "aws.scheduler"), null);
        Map<String, Object> single = outcome();
        aws.close();
        aws = LocalAws.start();
        aws.endpoint("EVENTBRIDGE", bus.endpoint());
        seed();
        RfmHandler fanned = handler(4);

        fanned.handle(Map.of("source", "aws.scheduler"), null);
        int delivered = deliver(fanned, 0);

        assertEquals(8, delivered, "4 tally and 4 score requests");
        assertNotNull(((RfmRun) single.get("run big")).bgNbdParameters(), "the big app is fitted");
        assertEquals(single, outcome());
    }

    @Test
    void fanOut_redeliveredSlices_changeNothing() {
        seed();
        RfmHandler fanned = handler(4);
        fanned.handle(Map.of("source", "aws.scheduler"), null);
        int delivered = deliver(fanned, 0);
        Map<String, Object> before = outcome();
        int eventsBefore = bus.entries("CustomerStageChanged").size();

        List<JsonNode> again = new ArrayList<>(requests());
        fanned.handle(envelope(again.get(1)), null); // a TALLY slice
        fanned.handle(envelope(again.get(again.size() - 1)), null); // the last SCORE slice

        assertEquals(delivered, requests().size(), "no phase is requested again");
        assertEquals(eventsBefore, bus.entries("CustomerStageChanged").size());
        assertEquals(before, outcome());
    }

    @Test
    void handleRequest_tableSmallerThanOneInvocationsShare_runsInOneInvocation() {
        seed();
        Map<String, String> variables = new HashMap<>(aws.environment("RfmFunction")); // the template's 16 at most
        RfmHandler handler = new RfmHandler(new FunctionEnv(variables, Clock.fixed(NOW, ZoneOffset.UTC)));

        Map<String, Object> result = handler.handle(Map.of("source", "aws.scheduler"), null);

        assertEquals(0, requests().size(), "no slice requested");
        assertEquals(profiles().approximateCount(), result.get("scanned"));
    }

    @Test
    void invocationsFor_onePerShareStartedWithinOneAndTheMaximum() {
        assertEquals(1, FanOutRun.invocationsFor(0, 250_000, 16));
        assertEquals(1, FanOutRun.invocationsFor(250_000, 250_000, 16));
        assertEquals(2, FanOutRun.invocationsFor(250_001, 250_000, 16));
        assertEquals(16, FanOutRun.invocationsFor(10_000_000, 250_000, 16));
        assertEquals(1, FanOutRun.invocationsFor(10_000_000, 250_000, 1));
    }
}
