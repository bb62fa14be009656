package com.mplifecycle.functions.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mplifecycle.aws.bus.DispatchWorkPublisher;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.aws.store.DispatchRecord;
import com.mplifecycle.aws.store.SendPauses;
import com.mplifecycle.devtools.events.EventBridgeEndpoint;
import com.mplifecycle.devtools.events.LocalEventBus;
import com.mplifecycle.devtools.faults.FaultyDynamoDbProxy;
import com.mplifecycle.devtools.wechat.ReceivedMessage;

/**
 * A campaign launch to an audience far larger than one invocation's share (pages of 2 customers, 2 pages an
 * invocation): the backfill and the sweep hand the rest of each walk on through the bus ({@code
 * DispatchWorkRequested}, delivered by the local bus with the template's retry policy back to the function),
 * and every eligible customer gets exactly one push, also while WeChat answers 45009 and when hops are
 * redelivered or crash between pages.
 */
class DispatchFanOutIT {
    private static final int AUDIENCE = 80;
    private static final int PAGE = 2;
    private static final int PAGES = 2;
    private static DispatchFixture f;
    private static LocalEventBus bus;
    private static EventBridgeEndpoint endpoint;
    private static FaultyDynamoDbProxy crashing;
    /** What the bus does with each {@code DispatchWorkRequested} (replaced per test). */
    private static volatile Delivery delivery;
    /** Every delivery attempt: the event's id and its work. */
    private static final List<Map<String, Object>> attempts = new CopyOnWriteArrayList<>();

    interface Delivery {
        void deliver(String eventId, Map<String, Object> envelope) throws Exception;
    }

    @BeforeAll
    static void start() throws Exception {
        f = new DispatchFixture();
        bus = new LocalEventBus(f.clock);
        String busName = f.aws.names().valueOf("LifecycleBus");
        bus.registerBus(busName);
        bus.addRule("WorkHandedOn", busName, "{\"source\":[\"" + DispatchWorkPublisher.SOURCE
                + "\"],\"detail-type\":[\"" + DispatchWorkPublisher.DETAIL_TYPE + "\"]}", 2, envelope -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> event = Json.read(envelope, Map.class);
                    attempts.add(event);
                    delivery.deliver(String.valueOf(event.get("id")), event);
                });
        endpoint = EventBridgeEndpoint.start(bus);
        f.aws.endpoint("EVENTBRIDGE", endpoint.uri());
        crashing = FaultyDynamoDbProxy.start(java.net.URI.create(
                f.aws.environment("DispatchFunction").get("AWS_ENDPOINT_URL_DYNAMODB")), 1);
    }

    @AfterAll
    static void stop() {
        crashing.close();
        endpoint.close();
        bus.close();
        f.close();
    }

    @BeforeEach
    void morning() {
        f.now.set(DispatchFixture.MORNING);
        f.wechat.clearFaults();
        attempts.clear();
    }

    private static DispatchHandler handler(String appId) {
        return f.handler(Map.of(FunctionEnv.DISPATCH_PAGE_SIZE, Integer.toString(PAGE),
                FunctionEnv.DISPATCH_PAGES_PER_INVOCATION, Integer.toString(PAGES)), appId);
    }

    /**
     * {@link #AUDIENCE} customers with a cart left this morning and a credit, then the campaign created: the
     * backfill (fanned out) puts them in the due index; two hours later they are due.
     */
    private static void launch(String appId, DispatchHandler h) throws Exception {
        for (int i = 0; i < AUDIENCE; i++) {
            f.cartCustomer(appId, appId + "_c_" + i, DispatchFixture.MORNING, 1);
        }
        f.runSchedule(h); // no campaign yet: nothing is due for them, they leave the due index
        f.campaigns.put(appId, DispatchFixture.cartCampaign(0));
        h.handle(Map.of("detail-type", "CampaignChanged", "source", "mplifecycle.admin",
                "detail", Map.of("appId", appId, "campaignId", "cart")), null);
        idle();
        f.advance(Duration.ofHours(2));
    }

    private static void idle() throws InterruptedException {
        assertTrue(bus.awaitIdle(Duration.ofSeconds(60)), "the bus's deliveries finished");
        assertEquals(List.of(), bus.deadLetters(), "no hop given up");
    }

    private static Delivery to(DispatchHandler h) {
        return (id, event) -> h.handle(event, null);
    }

    private static List<ReceivedMessage> calls(String appId) {
        return f.wechat.messages().stream()
                .filter(m -> m.message().touser().startsWith(DispatchFixture.openid(appId + "_c_"))).toList();
    }

    private static void assertEachSentExactlyOnce(String appId) {
        for (int i = 0; i < AUDIENCE; i++) {
            String customer = appId + "_c_" + i;
            assertEquals(1, f.sentTo(customer), customer + " sent to exactly once");
            assertEquals(DispatchRecord.Status.SENT, f.only(appId, customer).status(), customer);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> hops(String walk) {
        return attempts.stream().map(e -> (Map<String, Object>) e.get("detail"))
                .filter(d -> walk.equals(d.get("walk"))).toList();
    }

    @Test
    void launch_largerThanOneInvocation_fansOutAndReachesEveryEligibleCustomerOnce() throws Exception {
        DispatchHandler h = handler("wide");
        List<Map<String, Object>> counts = new CopyOnWriteArrayList<>();
        delivery = (id, event) -> counts.add(h.handle(event, null));
        launch("wide", h);
        assertTrue(hops(DispatchWorkPublisher.BACKFILL).size() > 0, "the backfill handed segments on");

        Map<String, Object> tick = f.runSchedule(h);
        idle();

        assertTrue((Integer) tick.get("handedOn") > 0, "the 5-minute run handed shards on: " + tick);
        assertTrue(hops(DispatchWorkPublisher.SWEEP).size() >= (Integer) tick.get("handedOn"));
        for (Map<String, Object> hop : counts) {
            assertTrue((Integer) hop.get("sent") <= PAGE * PAGES, "one invocation's share at most: " + hop);
        }
        assertEachSentExactlyOnce("wide");
        assertEquals(AUDIENCE, calls("wide").size(), "no call to WeChat beyond one per customer");
        assertEquals(0, (Integer) f.runSchedule(h).get("chained"), "every chain ended and released its shard");
    }

    @Test
    void launch_weChatAnswers45009_appPausesAndEveryoneIsSentOnceAfterThePause() throws Exception {
        DispatchHandler h = handler("busy");
        delivery = to(h);
        launch("busy", h);
        f.wechat.injectFaultJson("{\"api\":\"subscribe_send\",\"errcode\":45009,\"count\":3}");

        f.runSchedule(h);
        idle();

        int firstDay = calls("busy").size();
        assertTrue(firstDay <= DispatchHandler.WORKERS + 3,
                "after 45009 the launch slows down instead of trying everyone: " + firstDay + " calls");
        Instant pauseEnd = new SendPauses(f.aws.client(), "AppsTable").until("busy").orElseThrow();
        assertTrue(pauseEnd.isAfter(f.now.get().plus(Duration.ofHours(12))), "the daily quota: the next day");

        // another container (a new handler) before the pause ends: nothing sent, nothing claimed
        DispatchHandler other = handler("busy");
        delivery = to(other);
        f.advance(Duration.ofMinutes(30));
        f.runSchedule(other);
        idle();
        assertEquals(firstDay, calls("busy").size(), "no call to WeChat while the app is paused");

        f.now.set(pauseEnd);
        f.runSchedule(other);
        idle();

        assertEachSentExactlyOnce("busy");
        assertEquals(AUDIENCE + 3, calls("busy").size(), "each 45009 retried once, nobody else called twice");
    }

    @Test
    void launch_hopsRedeliveredAndCrashingBetweenPages_everyoneSentOnce_noWalkForks() throws Exception {
        DispatchHandler h = handler("shaky");
        DispatchHandler crashes = f.handler(Map.of(FunctionEnv.DISPATCH_PAGE_SIZE, Integer.toString(PAGE),
                FunctionEnv.DISPATCH_PAGES_PER_INVOCATION, Integer.toString(PAGES),
                "AWS_ENDPOINT_URL_DYNAMODB", crashing.endpoint().toString()), "shaky");
        // a hop's first attempt runs in a container whose reads of the due index's next page fail: it dispatches
        // its first page and dies; the bus retries it (the template's 2 retries) in a healthy one, and every
        // request is delivered a second time besides
        Set<String> tried = ConcurrentHashMap.newKeySet();
        AtomicInteger crashed = new AtomicInteger();
        delivery = (id, event) -> {
            if (tried.add(id) && id.hashCode() % 2 == 0) {
                synchronized (crashing) {
                    crashing.failCalls(body -> body.contains("\"IndexName\":\"due\"") && body.contains("ProfilesTable"),
                            1);
                    try {
                        crashes.handle(event, null);
                    } catch (RuntimeException e) {
                        crashed.incrementAndGet();
                        throw e;
                    } finally {
                        crashing.failCalls(body -> false, 0);
                    }
                }
            }
            h.handle(event, null);
            h.handle(event, null); // redelivered
        };
        launch("shaky", h);

        f.runSchedule(h);
        idle();

        assertTrue(crashed.get() > 0, "some hops crashed mid-way");
        assertEachSentExactlyOnce("shaky");
        assertEquals(AUDIENCE, calls("shaky").size(), "no call to WeChat beyond one per customer");
        Map<String, String> eventOfHop = new ConcurrentHashMap<>();
        for (Map<String, Object> event : attempts) {
            @SuppressWarnings("unchecked")
            Map<String, Object> d = (Map<String, Object>) event.get("detail");
            String hop = d.get("walk") + "#" + d.get("part") + "#" + d.get("chain") + "#" + d.get("hop");
            String id = String.valueOf(event.get("id"));
            assertEquals(id, eventOfHop.computeIfAbsent(hop, k -> id), "hop " + hop + " requested once: no fork");
        }
        assertEquals(0, (Integer) f.runSchedule(h).get("chained"), "every chain ended and released its shard");
    }

    @Test
    void launch_backfillHopLost_takenOverByThe5MinuteRunOnceItsLeaseExpires_everyoneSentOnce() throws Exception {
        DispatchHandler h = handler("lost");
        AtomicInteger backfillHops = new AtomicInteger();
        delivery = (id, event) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> detail = (Map<String, Object>) event.get("detail");
            if (DispatchWorkPublisher.BACKFILL.equals(detail.get("walk")) && backfillHops.getAndIncrement() == 0) {
                return; // this request is lost: its chain breaks, its lease stays until it expires
            }
            h.handle(event, null);
        };
        launch("lost", h); // two hours later: the broken chain's lease has expired

        f.runSchedule(h);
        idle();
        assertTrue(hops(DispatchWorkPublisher.BACKFILL).stream().anyMatch(d -> Integer.valueOf(0).equals(d.get("hop"))),
                "the 5-minute run took the broken segment over in a new chain (a backfill's hop 0 is never requested"
                        + " otherwise)");
        f.advance(Duration.ofMinutes(5));
        f.runSchedule(h);
        idle();

        assertEachSentExactlyOnce("lost");
        assertEquals(AUDIENCE, calls("lost").size(), "no call to WeChat beyond one per customer");
    }
}
