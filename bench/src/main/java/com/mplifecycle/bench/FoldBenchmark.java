package com.mplifecycle.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.event.EventType;
import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.domain.lifecycle.ProfileFolder;
import com.mplifecycle.domain.profile.CustomerIds;
import com.mplifecycle.domain.profile.CustomerProfile;

/**
 * Figure 4, pure fold: {@link ProfileFolder#fold} of one request's worth of events ({@value #EVENTS}:
 * launch, views, cart, checkout, a paid order) into a profile with two months of history, as the
 * lifecycle function does per customer per stream batch. Events/s = ops/s x {@value #EVENTS}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FoldBenchmark {
    static final int EVENTS = 12;
    private static final Instant NOW = Instant.parse("2026-03-01T04:00:00Z");

    private ProfileFolder folder;
    private CustomerProfile before;
    private List<TrackedEvent> batch;

    @Setup
    public void setUp() {
        AppSettings settings = AppSettings.defaults("demo");
        folder = new ProfileFolder(settings);
        String openid = "oFold";
        CustomerProfile p = CustomerProfile.empty("demo", CustomerIds.of("demo", openid));
        SplittableRandom random = new SplittableRandom(3);
        for (int day = 60; day > 0; day -= 1 + random.nextInt(4)) {
            p = folder.fold(p, openid, session("h" + day, NOW.minus(Duration.ofDays(day)), random)).profile();
        }
        before = p;
        batch = session("now", NOW, random);
    }

    private static List<TrackedEvent> session(String id, Instant at, SplittableRandom random) {
        List<TrackedEvent> events = new ArrayList<>();
        events.add(new TrackedEvent(id + "-0", EventType.APP_LAUNCH, at, Map.of("scene", 1001L, "path", "pages/index/index")));
        for (int k = 1; k < EVENTS - 3; k++) {
            String path = "pages/item/item?id=" + random.nextInt(500);
            events.add(k % 2 == 1
                    ? new TrackedEvent(id + "-" + k, EventType.PAGE_VIEW, at.plusSeconds(k * 3L), Map.of("path", path))
                    : new TrackedEvent(id + "-" + k, EventType.PAGE_LEAVE, at.plusSeconds(k * 3L),
                            Map.of("path", path, "dwellMs", 4000L)));
        }
        events.add(new TrackedEvent(id + "-c", EventType.ADD_TO_CART, at.plusSeconds(40),
                Map.of("sku", "sku-1", "qty", 1L, "priceFen", 2800L)));
        events.add(new TrackedEvent(id + "-s", EventType.CHECKOUT_START, at.plusSeconds(50), Map.of("orderId", "o-" + id)));
        events.add(new TrackedEvent(id + "-p", EventType.ORDER_PAID, at.plusSeconds(60),
                Map.of("orderId", "o-" + id, "amountFen", 2800L)));
        return events;
    }

    @Benchmark
    public ProfileFolder.Result fold() {
        return folder.fold(before, "oFold", batch);
    }
}
