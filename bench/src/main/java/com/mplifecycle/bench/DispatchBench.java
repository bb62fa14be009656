package com.mplifecycle.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.aws.store.CampaignStore;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.aws.wechat.AccessTokenResult;
import com.mplifecycle.aws.wechat.SendResult;
import com.mplifecycle.aws.wechat.WeChatClient;
import com.mplifecycle.devtools.sandbox.LocalAws;
import com.mplifecycle.devtools.wechat.WeChatStandIn;
import com.mplifecycle.domain.campaign.Campaign;
import com.mplifecycle.domain.campaign.Trigger;
import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.profile.Cart;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.wechat.SubscribeMessage;
import com.mplifecycle.functions.dispatch.DispatchHandler;
import com.mplifecycle.local.clock.ControllableClock;

/**
 * Figure 7: one scheduled run of {@code DispatchHandler} over customers who are all due (cart
 * abandoned, one credit each), every rule on (credit, daily cap, quiet hours, the dedupe record
 * claimed in a transaction with the profile before the call, token cache, outcome counters),
 * against the stand-in WeChat; beside it, a bare loop sending the same messages with the same
 * {@link WeChatClient} from as many threads as the function's workers. Each round uses fresh
 * customers (a sent customer is not due again); the order of the two alternates.
 */
final class DispatchBench {
    static final Instant MORNING = Instant.parse("2026-03-10T02:00:00Z"); // 10:00 in Shanghai, outside quiet hours
    private static final String TEMPLATE = "T_CART";
    private static final String SECRET = "bench-secret";

    record Round(int customers, int sent, double seconds, double sendsPerSecond, int bareSent, double bareSeconds,
                 double bareSendsPerSecond, double ratio) {
    }

    record Result(int customersPerRound, int workers, List<Round> rounds, double medianRatio, double medianSendsPerSecond,
                  double medianBareSendsPerSecond) {
    }

    Result run(int customers, int rounds) throws Exception {
        ControllableClock clock = new ControllableClock(Clock.fixed(MORNING, ZoneOffset.UTC));
        List<Round> done = new ArrayList<>();
        try (LocalAws aws = LocalAws.start(); WeChatStandIn wechat = WeChatStandIn.start(clock::instant, 0)) {
            ProfileStore profiles = new ProfileStore(aws.client(), "ProfilesTable");
            CampaignStore campaigns = new CampaignStore(aws.client(), "AppsTable");
            WeChatClient client = new WeChatClient(wechat.baseUrl(), Duration.ofSeconds(2), Duration.ofSeconds(5));
            for (int round = 0; round < rounds + 1; round++) { // round 0 warms both up, not reported
                int n = round == 0 ? Math.max(50, customers / 10) : customers;
                String appId = "bench" + round;
                String wxApp = "wx_" + appId;
                wechat.registerApp(wxApp, SECRET);
                campaigns.put(appId, new Campaign("cart", "cart", true, 90, new Trigger.CartAbandoned(2), null, TEMPLATE,
                        "pages/cart/index", Map.of("thing1", "购物车还有商品", "amount2", "{{cartValue}}"), List.of(), 0));
                clock.set(MORNING.plus(Duration.ofDays(round)));
                Instant cartAt = clock.instant().minus(Duration.ofHours(2));
                List<String> openids = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    String customerId = "c_" + i;
                    String openid = "o-" + appId + "-" + i;
                    openids.add(openid);
                    wechat.acceptSubscription(openid, TEMPLATE); // the function's send
                    wechat.acceptSubscription(openid, TEMPLATE); // the bare loop's send
                    profiles.save(CustomerProfile.empty(appId, customerId).toBuilder().openid(openid)
                            .stage(Stage.NEW, cartAt.minus(Duration.ofDays(1))).firstSeenAt(cartAt.minus(Duration.ofDays(1)))
                            .lastActiveAt(cartAt).cart(new Cart(Map.of("sku", 1L), 1990, cartAt))
                            .creditGrants(Map.of(TEMPLATE, List.of("sub-" + customerId + ":" + TEMPLATE))).build())
                            .orElseThrow();
                }
                Map<String, String> env = new HashMap<>(aws.environment("DispatchFunction"));
                env.put(FunctionEnv.LOCAL_SECRETS_JSON, Json.write(Map.of("tokenSigningKey",
                        "0123456789abcdef0123456789abcdef", "apps", Map.of(appId, Map.of("wechatAppId", wxApp,
                                "appSecret", SECRET)))));
                env.put(FunctionEnv.WECHAT_BASE_URL, wechat.baseUrl().toString());
                DispatchHandler handler = new DispatchHandler(new FunctionEnv(env, clock));
                String token = ((AccessTokenResult.Success) client.stableToken(wxApp, SECRET, false)).accessToken();

                double[] ours = new double[2];
                double[] bare = new double[2];
                boolean oursFirst = round % 2 == 1;
                if (oursFirst) {
                    timeOurs(handler, ours);
                    timeBare(client, token, openids, bare);
                } else {
                    timeBare(client, token, openids, bare);
                    timeOurs(handler, ours);
                }
                if (round > 0) {
                    done.add(new Round(n, (int) ours[0], ours[1], ours[0] / ours[1], (int) bare[0], bare[1],
                            bare[0] / bare[1], (ours[0] / ours[1]) / (bare[0] / bare[1])));
                }
                BenchMain.console.printf(java.util.Locale.ROOT,
                        "[bench] 7 dispatch round %d: %d customers, ours %.0f sent in %.2f s, bare %.0f in %.2f s%n",
                        round, n, ours[0], ours[1], bare[0], bare[1]);
            }
        }
        return new Result(customers, DispatchHandler.WORKERS, done, median(done.stream().mapToDouble(Round::ratio).toArray()),
                median(done.stream().mapToDouble(Round::sendsPerSecond).toArray()),
                median(done.stream().mapToDouble(Round::bareSendsPerSecond).toArray()));
    }

    private static void timeOurs(DispatchHandler handler, double[] out) {
        long t0 = System.nanoTime();
        Map<String, Object> counts = handler.handle(Map.of("detail-type", "Scheduled Event",
                "source", "aws.scheduler"), null);
        out[1] = (System.nanoTime() - t0) / 1e9;
        out[0] = ((Number) counts.get("sent")).doubleValue();
    }

    private static void timeBare(WeChatClient client, String token, List<String> openids, double[] out) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(DispatchHandler.WORKERS);
        try {
            long t0 = System.nanoTime();
            List<Future<Boolean>> sends = new ArrayList<>();
            for (String openid : openids) {
                sends.add(pool.submit(() -> client.sendSubscribeMessage(token, new SubscribeMessage(openid, TEMPLATE,
                        "pages/cart/index", Map.of("thing1", "购物车还有商品", "amount2", "19.90元"), "formal", "zh_CN"))
                        instanceof SendResult.Sent));
            }
            int sent = 0;
            for (Future<Boolean> f : sends) {
                sent += f.get() ? 1 : 0;
            }
            out[1] = (System.nanoTime() - t0) / 1e9;
            out[0] = sent;
        } finally {
            pool.shutdownNow();
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
