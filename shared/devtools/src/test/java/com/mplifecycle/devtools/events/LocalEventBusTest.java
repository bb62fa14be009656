package com.mplifecycle.devtools.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalEventBusTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final LocalEventBus bus =
            new LocalEventBus(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), Duration.ofMillis(1));

    @AfterEach
    void close() {
        bus.close();
    }

    @Test
    void publish_javaEntry_matchesSameRulesAsWire() throws Exception {
        RecordingTarget target = new RecordingTarget();
        bus.addRule("big-spend", "default", "{\"detail\":{\"amount\":[{\"numeric\":[\">=\",100]}]}}", target);

        bus.publish(EventEntry.of("mp.orders", "OrderPaid", "{\"amount\":150}"));
        bus.publish(EventEntry.of("mp.orders", "OrderPaid", "{\"amount\":20}"));

        assertTrue(bus.awaitIdle(WAIT));
        assertEquals(1, target.envelopes().size());
        assertEquals(new BusCounters(2, 1, 1, 0), bus.counters());
    }

    @Test
    void addRule_sameNameTwice_replacesPatternInsteadOfAddingToIt() throws Exception {
        RecordingTarget target = new RecordingTarget();
        bus.addRule("r", "default", "{\"source\":[\"a\"]}", target);
        bus.addRule("r", "default", "{\"source\":[\"b\"]}", target);

        bus.publish(EventEntry.of("a", "T", "{}"));
        bus.publish(EventEntry.of("b", "T", "{}"));

        assertTrue(bus.awaitIdle(WAIT));
        assertEquals(1, target.envelopes().size());
        assertTrue(target.envelopes().get(0).contains("\"source\":\"b\""));
    }

    @Test
    void removeRule_existingRule_stopsDelivery() throws Exception {
        RecordingTarget target = new RecordingTarget();
        bus.addRule("r", "default", "{\"source\":[\"a\"]}", target);

        assertTrue(bus.removeRule("default", "r"));
        bus.publish(EventEntry.of("a", "T", "{}"));

        assertTrue(bus.awaitIdle(WAIT));
        assertEquals(List.of(), target.envelopes());
    }

    @Test
    void addRule_invalidPattern_throwsWithReason() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> bus.addRule("r", "default", "{\"source\":\"not-an-array\"}", envelope -> { }));

        assertTrue(thrown.getMessage().contains("source"), thrown.getMessage());
    }

    @Test
    void addRule_unknownBus_throws() {
        assertThrows(IllegalArgumentException.class,
                () -> bus.addRule("r", "nowhere", "{\"source\":[\"a\"]}", envelope -> { }));
    }

    @Test
    void publish_entryOver256Kb_rejectedAsInvalidArgument() {
        String detail = "{\"blob\":\"" + "x".repeat(EntryCheck.MAX_ENTRY_BYTES) + "\"}";

        EntryResult result = bus.publish(EventEntry.of("a", "T", detail));

        assertEquals("InvalidArgument", result.errorCode());
        assertEquals(0, bus.counters().received());
    }

    @Test
    void publish_detailJsonArray_rejectedAsMalformedDetail() {
        EntryResult result = bus.publish(EventEntry.of("a", "T", "[1,2]"));

        assertEquals("MalformedDetail", result.errorCode());
    }

    @Test
    void awaitIdle_deliveryStillRunning_falseUntilItEnds() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        bus.addRule("slow", "default", "{\"source\":[\"a\"]}", envelope -> release.await());
        bus.publish(EventEntry.of("a", "T", "{}"));

        boolean idleWhileBlocked = bus.awaitIdle(Duration.ofMillis(50));
        release.countDown();

        assertFalse(idleWhileBlocked);
        assertTrue(bus.awaitIdle(WAIT));
    }

    @Test
    void publish_targetFailsOnceThenRecovers_deliveredWithoutDeadLetter() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        bus.addRule("flaky", "default", "{\"source\":[\"a\"]}", envelope -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("first call fails");
            }
        });

        bus.publish(EventEntry.of("a", "T", "{}"));

        assertTrue(bus.awaitIdle(WAIT));
        assertEquals(2, calls.get());
        assertEquals(List.of(), bus.deadLetters());
        assertEquals(1, bus.counters().delivered());
    }
}
