package com.mplifecycle.functions.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mplifecycle.aws.store.DispatchRecord;
import com.mplifecycle.aws.store.DynamoDbCampaignOutcomeCounts;
import com.mplifecycle.devtools.faults.FaultyDynamoDbProxy;
import com.mplifecycle.devtools.secrets.SecretsManagerStandIn;
import com.mplifecycle.domain.campaign.Campaign;
import com.mplifecycle.domain.campaign.Trigger;
import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.profile.Cart;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.stats.VariantOutcome;

/** Sending rules of the dispatch function against DynamoDB Local and the stand-in WeChat. */
class DispatchHandlerIT {
    private static final List<String> APPS = List.of("trig", "twice", "cap", "quiet", "token", "quota", "hold", "stage",
            "early");
    private static DispatchFixture f;
    private static DispatchHandler handler;
    private static DispatchHandler other;

    @BeforeAll
    static void start() {
        f = new DispatchFixture();
        handler = f.handler(APPS.toArray(String[]::new));
        other = f.handler(APPS.toArray(String[]::new));
        APPS.forEach(app -> f.campaigns.put(app, DispatchFixture.cartCampaign(0)));
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @BeforeEach
    void morning() {
        f.now.set(DispatchFixture.MORNING);
        f.wechat.clearFaults();
    }

    @Test
    void cartAbandoned_firesAtTwoHoursForThatCustomerOnly_noCreditNoSend() {
        f.cartCustomer("trig", "trig_c_due", DispatchFixture.MORNING, 1);
        f.cartCustomer("trig", "trig_c_later", DispatchFixture.MORNING.plus(Duration.ofHours(1)), 1);
        f.cartCustomer("trig", "trig_c_nocredit", DispatchFixture.MORNING, 0);

        f.advance(Duration.ofMinutes(119));
        f.runSchedule(handler);
        assertEquals(0, f.sentTo("trig_c_due"));

        f.advance(Duration.ofMinutes(1));
        f.runSchedule(handler);
        assertEquals(1, f.sentTo("trig_c_due"));
        assertEquals(0, f.sentTo("trig_c_later"));
        assertEquals(0, f.wechat.messages(java.util.Optional.of(DispatchFixture.openid("trig_c_nocredit"))).size());
        assertEquals("no_credit", f.only("trig", "trig_c_nocredit").reason());
        DispatchRecord sent = f.only("trig", "trig_c_due");
        assertEquals(DispatchRecord.Status.SENT, sent.status());
        assertTrue(sent.msgid() != 0);
        assertEquals("¥19.90", f.wechat.messages(java.util.Optional.of(DispatchFixture.openid("trig_c_due"))).get(0)
                .message().data().get("amount2"));

        f.advance(Duration.ofHours(1));
        f.runSchedule(handler);
        assertEquals(1, f.sentTo("trig_c_later"));
        assertEquals(1, f.sentTo("trig_c_due"));
    }

    @Test
    void send_appMissingFromTheSecret_retriesAndSendsOnceItsCredentialsAreAdded() throws Exception {
        try (SecretsManagerStandIn secretsManager = SecretsManagerStandIn.start(f.clock)) {
            String arn = secretsManager.put("mplifecycle/test", DispatchFixture.secretsJson("trig"));
            DispatchHandler running = f.handlerReadingSecretsManager(secretsManager.uri(), arn);
            f.campaigns.put("late", DispatchFixture.cartCampaign(0));
            f.cartCustomer("late", "late_c_1", DispatchFixture.MORNING, 1);
            f.advance(Duration.ofHours(2));
            f.runSchedule(running);
            DispatchRecord waiting = f.only("late", "late_c_1");
            assertEquals(DispatchRecord.Status.RETRY, waiting.status());
            assertEquals("no_credentials", waiting.reason());

            // onboarding: the app's WeChat credentials put into the secret, the function not restarted
            f.wechat.registerApp(DispatchFixture.wechatAppId("late"), DispatchFixture.SECRET);
            secretsManager.put("mplifecycle/test", DispatchFixture.secretsJson("trig", "late"));
            f.advance(PushSender.FIRST_BACKOFF);
            f.runSchedule(running);

            assertEquals(DispatchRecord.Status.SENT, f.only("late", "late_c_1").status());
            assertEquals(1, f.sentTo("late_c_1"));
        }
    }

    @Test
    void sameOccurrence_twiceAndByTwoConcurrentInvocations_sendsOnce() throws Exception {
        f.cartCustomer("twice", "twice_c_1", DispatchFixture.MORNING, 3);
        f.advance(Duration.ofHours(2));
        CountDownLatch go = new CountDownLatch(1);

        CompletableFuture<?> a = CompletableFuture.runAsync(() -> await(go, handler));
        CompletableFuture<?> b = CompletableFuture.runAsync(() -> await(go, other));
        go.countDown();
        a.get();
        b.get();
        f.runSchedule(handler);
        handler.handle(stageChanged("twice", "twice_c_1", DispatchFixture.MORNING.minus(Duration.ofDays(30))),
                null);

        assertEquals(1, f.sentTo("twice_c_1"));
        assertEquals(2, f.profiles.load("twice", "twice_c_1").orElseThrow().credits().get("T_CART"));
    }

    @Test
    void cap_secondOccurrenceWithin24h_skippedWithCap() {
        f.cartCustomer("cap", "cap_c_1", DispatchFixture.MORNING, 2);
        f.advance(Duration.ofHours(2));
        f.runSchedule(handler);
        CustomerProfile p = f.profiles.load("cap", "cap_c_1").orElseThrow();
        Instant again = f.now.get();
        f.profiles.save(p.toBuilder().cart(new Cart(Map.of("sku", 2L), 3980, again)).build()).orElseThrow();

        f.advance(Duration.ofHours(2));
        f.runSchedule(handler);

        assertEquals(1, f.sentTo("cap_c_1"));
        assertTrue(f.records.records("cap", "cap_c_1").stream().anyMatch(r -> "cap".equals(r.reason())));
    }

    @Test
    void quietHours_dueAt2300_sentAt0800() {
        Instant nine = Instant.parse("2026-03-10T13:00:00Z"); // 21:00 Shanghai
        f.cartCustomer("quiet", "quiet_c_1", nine, 1);
        f.now.set(nine.plus(Duration.ofHours(2)));

        f.runSchedule(handler);
        assertEquals(0, f.sentTo("quiet_c_1"));
        assertTrue(f.records.records("quiet", "quiet_c_1").isEmpty(), "deferred, nothing decided yet");

        f.now.set(Instant.parse("2026-03-11T00:00:00Z")); // 08:00 Shanghai
        f.runSchedule(handler);
        assertEquals(1, f.sentTo("quiet_c_1"));
    }

    @Test
    void quietHours_dueCustomer_deferredWithoutReadingItsRecords() throws Exception {
        Instant nine = Instant.parse("2026-03-10T13:00:00Z"); // 21:00 Shanghai
        Instant eleven = nine.plus(Duration.ofHours(2)); // 23:00: quiet hours
        f.campaigns.put("hush", DispatchFixture.cartCampaign(0));
        f.cartCustomer("hush", "hush_c_0", eleven, 1); // the app has a customer, not due before 01:00
        f.now.set(eleven);
        try (FaultyDynamoDbProxy counter = FaultyDynamoDbProxy.start(
                java.net.URI.create(f.aws.environment("DispatchFunction").get("AWS_ENDPOINT_URL_DYNAMODB")), 1)) {
            DispatchHandler viaCounter = f.handler(Map.of("AWS_ENDPOINT_URL_DYNAMODB", counter.endpoint().toString()),
                    "hush");
            // at one instant, so the other tests' customers in this table are the same to both runs below
            viaCounter.handle(Map.of(), null);
            long before = counter.counts()[0];
            viaCounter.handle(Map.of(), null);
            long nothingDue = counter.counts()[0] - before;
            f.cartCustomer("hush", "hush_c_1", nine, 1); // due at 23:00
            before = counter.counts()[0];

            Map<String, Object> counts = viaCounter.handle(Map.of(), null);

            assertTrue((Integer) counts.get("deferred") >= 1, counts.toString());
            assertEquals(nothingDue, counter.counts()[0] - before, "the same calls as when nothing was due");
        }
    }

    @Test
    void sweep_manyDecisionsOfOneCampaign_countedOncePerOutcome() {
        f.campaigns.put("many", DispatchFixture.cartCampaign(0));
        DispatchHandler counting = f.handler("many");
        for (int i = 0; i < 5; i++) {
            f.cartCustomer("many", "many_c_" + i, DispatchFixture.MORNING, i < 3 ? 1 : 0);
        }
        f.advance(Duration.ofHours(2));

        counting.handle(Map.of(), null);

        VariantOutcome v = new DynamoDbCampaignOutcomeCounts(f.aws.client(), "AppsTable").of("many", "cart")
                .orElseThrow().variants().get(0);
        assertEquals(3, v.decided());
        assertEquals(3, v.sent());
        assertEquals(Map.of("no_credit", 2L), v.skippedByReason());
    }

    @Test
    void injected40001_refreshesTokenOnce_andSends() {
        f.cartCustomer("token", "token_c_1", DispatchFixture.MORNING, 1);
        f.advance(Duration.ofHours(2));
        f.runSchedule(handler);  // a token is cached by now
        f.cartCustomer("token", "token_c_2", DispatchFixture.MORNING.plus(Duration.ofMinutes(5)), 1);
        long tokenCalls = f.tokenCalls("token");
        f.wechat.injectFaultJson("{\"api\":\"subscribe_send\",\"errcode\":40001,\"count\":1}");

        f.advance(Duration.ofMinutes(5));
        f.runSchedule(handler);

        assertEquals(1, f.sentTo("token_c_2"));
        assertEquals(1, tokenCalls, "one fetch for the first send");
        assertEquals(2, f.tokenCalls("token"), "one refresh after 40001");
        assertEquals(DispatchRecord.Status.SENT, f.only("token", "token_c_2").status());
    }

    @Test
    void injected45009_retriedLater_sentOnce() {
        f.cartCustomer("quota", "quota_c_1", DispatchFixture.MORNING, 1);
        f.wechat.injectFaultJson("{\"api\":\"subscribe_send\",\"errcode\":45009,\"count\":1}");
        f.advance(Duration.ofHours(2));

        f.runSchedule(handler);
        DispatchRecord waiting = f.only("quota", "quota_c_1");
        assertEquals(DispatchRecord.Status.RETRY, waiting.status());
        assertEquals(45009, waiting.errcode());
        assertEquals(0, f.sentTo("quota_c_1"));

        f.now.set(waiting.dueAt().minusSeconds(1));
        f.runSchedule(handler);
        assertEquals(0, f.sentTo("quota_c_1"));
        f.now.set(waiting.dueAt());
        f.runSchedule(handler);
        f.runSchedule(other);

        assertEquals(1, f.sentTo("quota_c_1"));
        assertEquals(DispatchRecord.Status.SENT, f.only("quota", "quota_c_1").status());
        assertEquals(2, f.only("quota", "quota_c_1").attempts());
    }

    @Test
    void holdout_recordedNotSent_creditKept() {
        f.campaigns.put("hold", DispatchFixture.cartCampaign(100));
        f.cartCustomer("hold", "hold_c_1", DispatchFixture.MORNING, 1);
        f.advance(Duration.ofHours(2));

        f.runSchedule(handler);

        assertEquals(DispatchRecord.Status.HOLDOUT, f.only("hold", "hold_c_1").status());
        assertEquals(0, f.sentTo("hold_c_1"));
        CustomerProfile p = f.profiles.load("hold", "hold_c_1").orElseThrow();
        assertEquals(1, p.credits().get("T_CART"));
        assertTrue(p.lastPush().holdout());
    }

    @Test
    void stageChangedEvent_sendsWinBackAtOnce() {
        f.campaigns.put("stage", new Campaign("winback", "winback", true, 70,
                new Trigger.StageEntered(Stage.DECLINING), null, "T_CART", null, Map.of("thing1", "回归专享券"),
                List.of(), 0));
        CustomerProfile p = f.cartCustomer("stage", "stage_c_1", DispatchFixture.MORNING.minus(Duration.ofDays(20)), 1);
        f.profiles.save(p.toBuilder().cart(null).stage(Stage.DECLINING, f.now.get()).build()).orElseThrow();

        handler.handle(stageChanged("stage", "stage_c_1", f.now.get()), null);

        assertEquals(1, f.sentTo("stage_c_1"));
        assertEquals("winback", f.only("stage", "stage_c_1").campaignId());
    }

    @Test
    void stageChangedEvent_beforeThePublishersProfileWriteLands_waitsForItAndSends() throws Exception {
        f.campaigns.put("stage", new Campaign("winback", "winback", true, 70,
                new Trigger.StageEntered(Stage.DECLINING), null, "T_CART", null, Map.of("thing1", "回归专享券"),
                List.of(), 0));
        CustomerProfile p = f.cartCustomer("stage", "stage_c_2", DispatchFixture.MORNING.minus(Duration.ofDays(20)), 1);
        Instant declinedAt = f.now.get().minus(Duration.ofHours(1));
        // the publisher (the nightly run) sent the event and writes the profile a moment later
        CompletableFuture<Void> write = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            f.profiles.save(p.toBuilder().cart(null).stage(Stage.DECLINING, declinedAt).build()).orElseThrow();
        });

        handler.handle(stageChanged("stage", "stage_c_2", declinedAt), null);
        write.get();

        assertEquals(1, f.sentTo("stage_c_2"));
        assertEquals("winback", f.only("stage", "stage_c_2").campaignId());
    }

    private static Map<String, Object> stageChanged(String appId, String customerId, Instant at) {
        return Map.of("detail-type", "CustomerStageChanged", "source", "mplifecycle.lifecycle",
                "detail", Map.of("appId", appId, "customerId", customerId, "to", "DECLINING", "at", at.toString()));
    }

    private static void await(CountDownLatch go, DispatchHandler h) {
        try {
            go.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        f.runSchedule(h);
    }
}
