package com.mplifecycle.devtools.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import com.mplifecycle.devtools.clock.SuppliedClock;

class LocalContextTest {
    @Test
    void getRemainingTimeInMillis_afterTimePasses_countsDownToZero() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-03-12T19:03:58Z"));
        Clock clock = SuppliedClock.utc(now::get);
        LocalContext context = LocalContext.start("ingest", "us-east-1", 256, Duration.ofSeconds(10), clock);

        now.updateAndGet(t -> t.plusMillis(2500));
        int afterTwoAndAHalf = context.getRemainingTimeInMillis();
        now.updateAndGet(t -> t.plusSeconds(60));

        assertEquals(7500, afterTwoAndAHalf);
        assertEquals(0, context.getRemainingTimeInMillis());
    }

    @Test
    void start_eachInvocation_getsItsOwnRequestIdAndFunctionArn() {
        LocalContext first = LocalContext.start("ingest", "us-east-1", 256, Duration.ofSeconds(3));
        LocalContext second = LocalContext.start("ingest", "us-east-1", 256, Duration.ofSeconds(3));

        assertNotEquals(first.getAwsRequestId(), second.getAwsRequestId());
        assertEquals("arn:aws:lambda:us-east-1:000000000000:function:ingest", first.getInvokedFunctionArn());
        assertEquals(256, first.getMemoryLimitInMB());
    }

    @Test
    void start_requestIds_areDistinctVersionFourUuidsAsLambdaGives() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = LocalContext.start("ingest", "us-east-1", 256, Duration.ofSeconds(3)).getAwsRequestId();
            UUID uuid = UUID.fromString(id);
            assertEquals(4, uuid.version(), id);
            assertEquals(2, uuid.variant(), id);
            assertEquals(uuid.toString(), id);
            ids.add(id);
        }
        assertEquals(10_000, ids.size());
    }
}
