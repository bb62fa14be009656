package com.mplifecycle.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.mplifecycle.aws.bus.DispatchWorkPublisher;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.aws.store.CampaignStore;
import com.mplifecycle.devtools.clock.SuppliedClock;
import com.mplifecycle.devtools.sandbox.LocalAws;
import com.mplifecycle.devtools.wechat.ReceivedMessage;
import com.mplifecycle.devtools.wechat.WeChatStandIn;
import com.mplifecycle.domain.campaign.Campaign;
import com.mplifecycle.domain.campaign.Trigger;
import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.profile.Cart;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.functions.dispatch.DispatchHandler;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Figure 10, a campaign launch: N customers of one app who left a cart this morning and gave a credit, not in the
 * due index (no campaign yet); then the campaign is created ({@code CampaignChanged}: the backfill puts them in
 * the due index) and two hours later the 5-minute run finds all of them due and pushes. Both fan out as deployed:
 * what one invocation leaves goes back to {@code DispatchHandler} through the local bus's rule for {@code
 * DispatchWorkRequested}. Every DynamoDB call goes through a {@link CountingProxy}: read and write units, calls and
 * invocations per customer, from which BENCHMARKS.md figures a launch to 10 million customers.
 */
final class LaunchBench {
    static final String APP = "launch";
    private static final String TEMPLATE = "T_CART";
    private static final String SECRET = "bench-secret";

    /** What one phase of the launch did. */
    record Phase(double seconds, double readUnits, double writeUnits, Map<String, Long> calls, long invocations) {
    }

    record Result(int customers, int pageSize, int pagesPerInvocation, Phase backfill, Phase sweep, long sent,
                  long duplicates) {
    }

    Result run(int customers, int pageSize, int pagesPerInvocation) throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(SweepBench.NOW);
        Clock clock = SuppliedClock.utc(now::get);
        try (LocalAws aws = LocalAws.start(); CountingProxy proxy = new CountingProxy(aws.dynamo().endpoint());
             LocalBus local = new LocalBus(aws); WeChatStandIn wechat = WeChatStandIn.start(now::get, 0)) {
            DynamoDbClient db = aws.client();
            wechat.registerApp("wx_" + APP, SECRET);
            seed(db, aws.names().valueOf("ProfilesTable"), customers, wechat);
            Map<String, String> env = new HashMap<>(aws.environment("DispatchFunction"));
            env.put("AWS_ENDPOINT_URL_DYNAMODB", proxy.uri().toString());
            env.put(FunctionEnv.LOCAL_SECRETS_JSON, Json.write(Map.of("tokenSigningKey", "0123456789abcdef0123456789abcdef",
                    "apps", Map.of(APP, Map.of("wechatAppId", "wx_" + APP, "appSecret", SECRET)))));
            env.put(FunctionEnv.WECHAT_BASE_URL, wechat.baseUrl().toString());
            env.put(FunctionEnv.DISPATCH_PAGE_SIZE, Integer.toString(pageSize));
            env.put(FunctionEnv.DISPATCH_PAGES_PER_INVOCATION, Integer.toString(pagesPerInvocation));
            DispatchHandler handler = new DispatchHandler(new FunctionEnv(env, clock));
            AtomicLong invocations = new AtomicLong();
            local.bus.addRule("WorkHandedOn", aws.names().valueOf("LifecycleBus"), "{\"source\":[\""
                    + DispatchWorkPublisher.SOURCE + "\"],\"detail-type\":[\"" + DispatchWorkPublisher.DETAIL_TYPE
                    + "\"]}", 2, envelope -> {
                        invocations.incrementAndGet();
                        @SuppressWarnings("unchecked")
                        Map<String, Object> event = Json.read(envelope, Map.class);
                        handler.handle(event, null);
                    });
            new CampaignStore(db, aws.names().valueOf("AppsTable")).put(APP, new Campaign("cart", "cart", true, 90,
                    new Trigger.CartAbandoned(2), null, TEMPLATE, "pages/cart/index",
                    Map.of("thing1", "购物车还有商品", "amount2", "{{cartValue}}"), List.of(), 0));

            Phase backfill = measure(proxy, local, invocations, () -> handler.handle(Map.of("detail-type",
                    "CampaignChanged", "source", "mplifecycle.admin", "detail", Map.of("appId", APP, "campaignId",
                            "cart")), null));
            now.set(SweepBench.NOW.plus(Duration.ofHours(2)));
            Phase sweep = measure(proxy, local, invocations, () -> handler.handle(Map.of("detail-type",
                    "Scheduled Event", "source", "aws.scheduler"), null));
            Map<String, Long> sentTo = new HashMap<>();
            wechat.messages().stream().filter(ReceivedMessage::sent)
                    .forEach(m -> sentTo.merge(m.message().touser(), 1L, Long::sum));
            long duplicates = sentTo.values().stream().mapToLong(n -> n - 1).sum();
            return new Result(customers, pageSize, pagesPerInvocation, backfill, sweep, sentTo.size(), duplicates);
        }
    }

    private static Phase measure(CountingProxy proxy, LocalBus local, AtomicLong invocations, Runnable start)
            throws InterruptedException {
        double reads = proxy.readUnits.sum();
        double writes = proxy.writeUnits.sum();
        Map<String, Long> calls = proxy.calls();
        long hops = invocations.get();
        long t0 = System.nanoTime();
        start.run();
        if (!local.bus.awaitIdle(Duration.ofMinutes(10))) {
            throw new IllegalStateException("the launch's hops did not finish in 10 minutes");
        }
        if (!local.bus.deadLetters().isEmpty()) {
            throw new IllegalStateException("hops given up: " + local.bus.deadLetters());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Long> delta = new java.util.TreeMap<>();
        proxy.calls().forEach((op, n) -> {
            long d = n - calls.getOrDefault(op, 0L);
            if (d > 0) {
                delta.put(op, d);
            }
        });
        return new Phase(seconds, proxy.readUnits.sum() - reads, proxy.writeUnits.sum() - writes, delta,
                1 + invocations.get() - hops);
    }

    /** Customers with a cart left 2 h before the launch's sweep and one credit, outside the due index. */
    private static void seed(DynamoDbClient db, String table, int customers, WeChatStandIn wechat) {
        Instant cartAt = SweepBench.NOW;
        for (int i = 0; i < customers; i++) {
            wechat.acceptSubscription("o-launch-" + i, TEMPLATE);
        }
        SweepBench.seedProfiles(db, table, customers, Optional.empty(), i -> {
            String customerId = String.format("c_%024x", i);
            return CustomerProfile.empty(APP, customerId).toBuilder().openid("o-launch-" + i)
                    .stage(Stage.NEW, cartAt.minus(Duration.ofDays(1))).firstSeenAt(cartAt.minus(Duration.ofDays(1)))
                    .lastActiveAt(cartAt).cart(new Cart(Map.of("sku", 1L), 1990, cartAt))
                    .creditGrants(Map.of(TEMPLATE, List.of("sub-" + customerId + ":" + TEMPLATE))).version(1).build();
        });
    }
}
