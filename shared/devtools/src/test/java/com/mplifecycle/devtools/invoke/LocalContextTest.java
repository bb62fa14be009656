package com.mplifecycle.devtools.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class LocalContextTest {
    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2025-03-12T19:03:58Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void getRemainingTimeInMillis_afterTimePasses_countsDownToZero() {
        ManualClock clock = new ManualClock();
        LocalContext context = LocalContext.start("ingest", "us-east-1", 256, Duration.ofSeconds(10), clock);

        clock.now = clock.now.plusMillis(2500);
        int afterTwoAndAHalf = context.getRemainingTimeInMillis();
        clock.now = clock.now.plusSeconds(60);

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
