package com.mplifecycle.functions.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.aws.store.CampaignStore;
import com.mplifecycle.aws.store.DispatchRecord;
import com.mplifecycle.aws.store.DispatchStore;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.devtools.clock.SuppliedClock;
import com.mplifecycle.devtools.sandbox.LocalAws;
import com.mplifecycle.devtools.wechat.WeChatStandIn;
import com.mplifecycle.domain.campaign.Campaign;
import com.mplifecycle.domain.campaign.Trigger;
import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.profile.Cart;
import com.mplifecycle.domain.profile.CustomerProfile;

/**
 * The dispatch function against the template's tables in DynamoDB Local and a stand-in WeChat, on a
 * clock the test moves. Each test uses its own app id so tests do not see each other's customers.
 */
final class DispatchFixture implements AutoCloseable {
    static final String WX_APP = "wxtest0000000001";
    static final String SECRET = "s3cr3t-for-tests";
    static final Instant MORNING = Instant.parse("2026-03-10T02:00:00Z"); // 10:00 Shanghai

    final AtomicReference<Instant> now = new AtomicReference<>(MORNING);
    final LocalAws aws = LocalAws.start();
    final WeChatStandIn wechat = WeChatStandIn.start(now::get, 0);
    final ProfileStore profiles = new ProfileStore(aws.client(), "ProfilesTable");
    final CampaignStore campaigns = new CampaignStore(aws.client(), "AppsTable");
    final DispatchStore records = new DispatchStore(aws.client(), "DispatchTable", "ProfilesTable", "AppsTable");
    final Clock clock = SuppliedClock.utc(now::get);

    DispatchFixture() {
        wechat.registerApp(WX_APP, SECRET);
    }

    DispatchHandler handler(String... appIds) {
        return handler(Map.of(), appIds);
    }

    /** A handler with {@code extraEnv} on top of the template's environment (e.g. another endpoint). */
    DispatchHandler handler(Map<String, String> extraEnv, String... appIds) {
        Map<String, Object> apps = new HashMap<>();
        for (String appId : appIds) {
            // one WeChat app per app id, so token calls can be told apart
            apps.put(appId, Map.of("wechatAppId", wechatAppId(appId), "appSecret", SECRET));
            wechat.registerApp(wechatAppId(appId), SECRET);
        }
        Map<String, String> env = new HashMap<>(aws.environment("DispatchFunction"));
        env.put(FunctionEnv.LOCAL_SECRETS_JSON, Json.write(Map.of("tokenSigningKey",
                "0123456789abcdef0123456789abcdef", "apps", apps)));
        env.put(FunctionEnv.WECHAT_BASE_URL, wechat.baseUrl().toString());
        env.putAll(extraEnv);
        return new DispatchHandler(new FunctionEnv(env, clock));
    }

    /** A handler that reads its secrets from a (local) Secrets Manager, as deployed. */
    DispatchHandler handlerReadingSecretsManager(java.net.URI endpoint, String secretArn) {
        Map<String, String> env = new HashMap<>(aws.environment("DispatchFunction"));
        env.put(FunctionEnv.SECRETS_ARN, secretArn);
        env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", endpoint.toString());
        env.put(FunctionEnv.WECHAT_BASE_URL, wechat.baseUrl().toString());
        return new DispatchHandler(new FunctionEnv(env, clock));
    }

    /** The secrets document with one WeChat app per app id (see {@link #wechatAppId}). */
    static String secretsJson(String... appIds) {
        Map<String, Object> apps = new HashMap<>();
        for (String appId : appIds) {
            apps.put(appId, Map.of("wechatAppId", wechatAppId(appId), "appSecret", SECRET));
        }
        return Json.write(Map.of("tokenSigningKey", "0123456789abcdef0123456789abcdef", "apps", apps));
    }

    static Campaign cartCampaign(int holdoutPercent) {
        return new Campaign("cart", "cart", true, 90, new Trigger.CartAbandoned(2), null, "T_CART",
                "pages/cart/index", Map.of("thing1", "购物车还有商品", "amount2", "{{cartValue}}"), List.of(),
                holdoutPercent);
    }

    /** A customer whose cart was last changed at {@code cartAt}, with {@code credits} credits for T_CART. */
    CustomerProfile cartCustomer(String appId, String customerId, Instant cartAt, int credits) {
        java.util.List<String> grants = new java.util.ArrayList<>();
        for (int i = 0; i < credits; i++) {
            grants.add("sub-" + customerId + "-" + i + ":T_CART");
            wechat.acceptSubscription(openid(customerId), "T_CART");
        }
        CustomerProfile p = CustomerProfile.empty(appId, customerId).toBuilder().openid(openid(customerId))
                .stage(Stage.NEW, cartAt.minus(Duration.ofDays(1))).firstSeenAt(cartAt.minus(Duration.ofDays(1)))
                .lastActiveAt(cartAt).cart(new Cart(Map.of("sku", 1L), 1990, cartAt))
                .creditGrants(Map.of("T_CART", grants)).build();
        return profiles.save(p).orElseThrow();
    }

    static String wechatAppId(String appId) {
        return "wx_" + appId;
    }

    /** stable_token calls for one app. */
    long tokenCalls(String appId) {
        return wechat.recordedCalls().stream().filter(c -> c.api().equals(WeChatStandIn.STABLE_TOKEN))
                .filter(c -> wechatAppId(appId).equals(c.request().get("appid"))).count();
    }

    static String openid(String customerId) {
        return "o-" + customerId;
    }

    Map<String, Object> runSchedule(DispatchHandler handler) {
        return handler.handle(Map.of("detail-type", "Scheduled Event", "source", "aws.scheduler"), null);
    }

    long sentTo(String customerId) {
        return wechat.messages(java.util.Optional.of(openid(customerId))).stream()
                .filter(m -> m.errcode() == 0).count();
    }

    DispatchRecord only(String appId, String customerId) {
        List<DispatchRecord> all = records.records(appId, customerId);
        if (all.size() != 1) {
            throw new AssertionError("expected one record, found " + all);
        }
        return all.get(0);
    }

    void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    @Override
    public void close() {
        wechat.close();
        aws.close();
    }
}
