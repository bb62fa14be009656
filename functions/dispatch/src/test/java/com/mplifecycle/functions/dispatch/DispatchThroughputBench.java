package com.mplifecycle.functions.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Sends per second of one scheduled run against DynamoDB Local and the stand-in WeChat in this JVM,
 * every rule on (dedupe read, claim transaction with the profile, credit, cap, quiet hours, token
 * cache, outcome write). Off by default; run with
 * {@code mvn -o -q -pl functions/dispatch -am verify -Ddispatch.bench.customers=2000 -Dtest=DispatchThroughputBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "dispatch.bench.customers", matches = "[0-9]+")
class DispatchThroughputBench {
    @Test
    void scheduledRun_sendsPerSecond() {
        int customers = Integer.getInteger("dispatch.bench.customers");
        try (DispatchFixture f = new DispatchFixture()) {
            DispatchHandler handler = f.handler("bench");
            f.campaigns.put("bench", DispatchFixture.cartCampaign(0));
            for (int i = 0; i < customers; i++) {
                f.cartCustomer("bench", "c_" + i, DispatchFixture.MORNING, 1);
            }
            f.advance(Duration.ofHours(2));

            long start = System.nanoTime();
            Map<String, Object> counts = f.runSchedule(handler);
            double seconds = (System.nanoTime() - start) / 1e9;

            System.out.printf("dispatch bench: %d customers, %s sent in %.2f s = %.0f sends/s; %s%n", customers,
                    counts.get("sent"), seconds, ((Integer) counts.get("sent")) / seconds, counts);
            assertEquals(customers, counts.get("sent"));
        }
    }
}
