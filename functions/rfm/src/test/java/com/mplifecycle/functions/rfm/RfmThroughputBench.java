package com.mplifecycle.functions.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.devtools.sandbox.LocalAws;

/**
 * Throughput of a full run against DynamoDB Local, for docs/rfm.md. Off by default; run with
 * {@code -Drfm.throughput.customers=20000 -Dtest=RfmThroughputBench}; with
 * {@code -Drfm.throughput.fanout=N} the run fans out over N slice invocations, handed back one
 * after the other (as N Lambda instances would run them side by side), and each is timed.
 */
@EnabledIfSystemProperty(named = "rfm.throughput.customers", matches = "[0-9]+")
class RfmThroughputBench {
    /** Near the real now: a fanned-out run's items expire a week after it and DynamoDB Local deletes them. */
    private static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).plusSeconds(4 * 3600);
    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void handleRequest_manyCustomers_reportsCustomersPerSecond() throws Exception {
        int customers = Integer.getInteger("rfm.throughput.customers");
        int scanWorkers = Integer.getInteger("rfm.throughput.scanWorkers", RfmHandler.DEFAULT_SCAN_WORKERS);
        try (LocalAws aws = LocalAws.start(); FakeEventBridge bus = FakeEventBridge.start()) {
            aws.endpoint("EVENTBRIDGE", bus.endpoint());
            Map<String, String> variables = new java.util.HashMap<>(aws.environment("RfmFunction"));
            variables.put(RfmHandler.SCAN_WORKERS_VARIABLE, Integer.toString(scanWorkers));
            variables.put(FunctionEnv.RFM_INVOCATIONS_MAX, "1"); // one invocation: what one slice's invocation sustains
            seed(new ProfileStore(aws.client(), variables.get(FunctionEnv.PROFILES_TABLE)), customers);
            RfmHandler handler = new RfmHandler(new FunctionEnv(variables, Clock.fixed(NOW, ZoneOffset.UTC)));

            Map<String, Object> first = handler.handle(Map.of(), null);
            Map<String, Object> second = handler.handle(Map.of(), null);

            assertEquals((long) customers, first.get("scanned"));
            assertEquals(0L, second.get("written"));
            report("all written", customers, scanWorkers, first);
            report("nothing written", customers, scanWorkers, second);
        }
    }

    @Test
    void handleRequest_fannedOut_reportsTimePerSlice() throws Exception {
        int customers = Integer.getInteger("rfm.throughput.customers");
        int fanOut = Integer.getInteger("rfm.throughput.fanout", 1);
        int threads = Integer.getInteger("rfm.throughput.scanWorkers", RfmHandler.DEFAULT_SCAN_WORKERS);
        org.junit.jupiter.api.Assumptions.assumeTrue(fanOut > 1, "set rfm.throughput.fanout > 1");
        try (LocalAws aws = LocalAws.start(); FakeEventBridge bus = FakeEventBridge.start()) {
            aws.endpoint("EVENTBRIDGE", bus.endpoint());
            Map<String, String> variables = new java.util.HashMap<>(aws.environment("RfmFunction"));
            variables.put(RfmHandler.SCAN_WORKERS_VARIABLE, Integer.toString(threads));
            variables.put(FunctionEnv.RFM_INVOCATIONS_MAX, Integer.toString(fanOut));
            variables.put(FunctionEnv.RFM_CUSTOMERS_PER_INVOCATION, "1"); // all fanOut invocations, whatever the size
            seed(new ProfileStore(aws.client(), variables.get(FunctionEnv.PROFILES_TABLE)), customers);
            RfmHandler handler = new RfmHandler(new FunctionEnv(variables, Clock.fixed(NOW, ZoneOffset.UTC)));

            handler.handle(Map.of(), null);
            for (int next = 0; next < bus.entries("RfmSliceRequested").size(); next++) {
                com.fasterxml.jackson.databind.JsonNode entry = bus.entries("RfmSliceRequested").get(next);
                Map<?, ?> detail = com.mplifecycle.aws.json.Json.read(entry.get("Detail").asText(), Map.class);
                long started = System.nanoTime();
                Map<String, Object> result = handler.handle(
                        Map.of("detail-type", "RfmSliceRequested", "detail", detail), null);
                System.out.printf("SLICE %s %s: %d customers / %d invocations, %d threads, %d ms%s%n",
                        detail.get("phase"), detail.get("slice"), customers, fanOut, threads,
                        (System.nanoTime() - started) / 1_000_000,
                        result.containsKey("finished") ? " (finished " + result.get("finished") + ")" : "");
            }
        }
    }

    private static void report(String run, int customers, int scanWorkers, Map<String, Object> counts) {
        long ms = (Long) counts.get("elapsedMs");
        System.out.printf("THROUGHPUT %s: %d customers, %d scan workers, written %s, decayed %s, %d ms, %.0f customers/s%n",
                run, customers, scanWorkers, counts.get("written"), counts.get("decayed"), ms, customers * 1000.0 / ms);
    }

    private static void seed(ProfileStore profiles, int customers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < customers; i++) {
                int n = i;
                done.add(pool.submit(() -> profiles.save(customer(n).profile()).orElseThrow()));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Two apps; most customers buy 1–4 times over the last year, a fifth only visit. */
    private static Customers customer(int n) {
        SplittableRandom random = new SplittableRandom(n);
        Customers c = Customers.of(n % 2 == 0 ? "shop" : "cafe", "u" + n);
        Instant at = NOW.minus(DAY.multipliedBy(1 + random.nextInt(360)));
        if (random.nextInt(5) == 0) {
            return c.launch(at);
        }
        for (int k = 1 + random.nextInt(4); k > 0 && at.isBefore(NOW); k--) {
            c.paid(at, 500 + random.nextInt(30_000));
            at = at.plus(DAY.multipliedBy(3 + random.nextInt(60)));
        }
        return c;
    }
}
