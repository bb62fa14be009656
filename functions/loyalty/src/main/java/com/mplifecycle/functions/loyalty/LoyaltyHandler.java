package com.mplifecycle.functions.loyalty;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.mplifecycle.aws.admin.AdminKeys;
import com.mplifecycle.aws.auth.SessionClaims;
import com.mplifecycle.aws.auth.SessionTokens;
import com.mplifecycle.aws.auth.TokenRejectedException;
import com.mplifecycle.aws.config.AwsClients;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.http.ApiRequest;
import com.mplifecycle.aws.http.ApiResponse;
import com.mplifecycle.aws.http.ApiResponses;
import com.mplifecycle.aws.http.BadRequestException;
import com.mplifecycle.aws.http.ConsoleCors;
import com.mplifecycle.aws.json.PlainJson;
import com.mplifecycle.aws.log.JsonLogger;
import com.mplifecycle.aws.secrets.Secrets;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.EventStore;
import com.mplifecycle.aws.store.LoyaltyStore;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.aws.store.RewardStore;
import com.mplifecycle.aws.store.ServerOrderIndex;
import com.mplifecycle.aws.store.StoreUnavailableException;
import com.mplifecycle.domain.profile.CustomerIds;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Loyalty: trusted server orders, the points ledger, levels, check-ins and rewards. One function with
 * three triggers, told apart by the event's shape: HTTP API routes (the merchant's server and operators
 * with the admin key under {@code /v1/apps/{appId}/...}, customers with the session token under
 * {@code /v1/me...}), the events table's stream (earning from server orders and check-ins) and the
 * daily schedule (expiry and downgrades).
 */
public final class LoyaltyHandler implements RequestStreamHandler {
    static final int DEFAULT_TTL_DAYS = 400;

    private interface Route {
        ApiResponse handle(LoyaltyRequest request);
    }

    private final Map<String, Route> adminRoutes = new LinkedHashMap<>();
    private final Map<String, Route> customerRoutes = new LinkedHashMap<>();
    private final AdminKeys keys;
    private final SessionTokens tokens;
    private final LedgerStream stream;
    private final DailyRun daily;
    private final JsonLogger log;
    private final ConsoleCors cors;

    public LoyaltyHandler() {
        this(FunctionEnv.fromSystem());
    }

    public LoyaltyHandler(FunctionEnv env) {
        AwsClients aws = new AwsClients(env);
        DynamoDbClient db = aws.dynamoDb();
        Clock clock = env.clock();
        String appsTable = env.required(FunctionEnv.APPS_TABLE);
        String loyaltyTable = env.required(FunctionEnv.LOYALTY_TABLE);
        this.log = new JsonLogger("loyalty", clock);
        this.keys = new AdminKeys(db, appsTable, clock);
        this.cors = new ConsoleCors(env.optional(FunctionEnv.CONSOLE_ORIGIN).filter(o -> !o.isBlank()).orElse(null));
        this.tokens = new SessionTokens(Secrets.load(env, aws::secretsManager).tokenSigningKey(), clock);
        AppStore apps = new AppStore(db, appsTable, clock);
        ProfileStore profiles = new ProfileStore(db, env.required(FunctionEnv.PROFILES_TABLE));
        EventStore events = new EventStore(db, env.required(FunctionEnv.EVENTS_TABLE),
                Duration.ofDays(env.integer(FunctionEnv.EVENT_TTL_DAYS, DEFAULT_TTL_DAYS)));
        LoyaltyStatusWriter status = new LoyaltyStatusWriter(profiles, apps);
        Accounts accounts = new Accounts(new LoyaltyStore(db, loyaltyTable), (appId, customerId, done) -> {
            try {
                status.sync(appId, customerId, done.account(), false);
            } catch (RuntimeException e) {
                // the points are written; the campaigns' view catches up with the customer's next change
                log.warn(null, "loyalty status not written to the profile", "appId", appId, "customerId", customerId,
                        "error", e.toString());
            }
        }, appId -> apps.settingsOrDefaults(appId).timeZone());
        RewardStore rewards = new RewardStore(db, appsTable);

        ServerOrderRoutes orders = new ServerOrderRoutes(new ServerOrderIndex(db, loyaltyTable), events, apps, clock);
        adminRoutes.put("POST /v1/apps/{appId}/orders", orders::orders);
        adminRoutes.put("POST /v1/apps/{appId}/refunds", orders::refunds);
        RewardRoutes rewardRoutes = new RewardRoutes(rewards, apps);
        adminRoutes.put("GET /v1/apps/{appId}/rewards", rewardRoutes::list);
        adminRoutes.put("PUT /v1/apps/{appId}/rewards/{rewardId}", rewardRoutes::put);
        adminRoutes.put("GET /v1/apps/{appId}/rewards/{rewardId}", rewardRoutes::get);
        adminRoutes.put("DELETE /v1/apps/{appId}/rewards/{rewardId}", rewardRoutes::delete);
        PointsRoutes points = new PointsRoutes(accounts, apps, clock);
        adminRoutes.put("GET /v1/apps/{appId}/customers/{customerId}/points", points::ledger);
        adminRoutes.put("POST /v1/apps/{appId}/customers/{customerId}/points/adjustments", points::adjust);
        adminRoutes.put("GET /v1/apps/{appId}/stats/loyalty",
                new LoyaltyStatsRoutes(accounts.store().counters(), profiles, apps, clock)::stats);
        MeRoutes me = new MeRoutes(accounts, profiles, apps, rewards, events, clock);
        customerRoutes.put("GET /v1/me", me::me);
        customerRoutes.put("GET /v1/me/points", me::points);
        customerRoutes.put("POST /v1/me/check-ins", me::checkIn);
        customerRoutes.put("POST /v1/me/redemptions", me::redeem);

        this.stream = new LedgerStream(accounts, apps, profiles, log, clock, status);
        this.daily = new DailyRun(accounts, apps, clock, log, status);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] event = input.readAllBytes();
        Map<String, Object> json;
        try {
            json = PlainJson.readObject(event);
        } catch (IllegalArgumentException e) {
            output.write(("{\"error\":\"event is not a JSON object\"}").getBytes(StandardCharsets.UTF_8));
            return;
        }
        String invocationId = context == null ? UUID.randomUUID().toString() : context.getAwsRequestId();
        Object answer;
        if (json.containsKey("routeKey")) {
            ApiRequest request;
            try {
                request = ApiRequest.parse(event);
            } catch (BadRequestException e) {
                ApiResponses.error(e.status(), e.getMessage(), null).writeTo(output);
                return;
            }
            handle(request).writeTo(output);
            return;
        } else if (json.get("Records") instanceof List<?> list) {
            List<Map<?, ?>> records = new ArrayList<>();
            list.forEach(r -> records.add((Map<?, ?>) r));
            answer = stream.handle(records, invocationId);
        } else {
            answer = daily.run(invocationId);
        }
        output.write(PlainJson.write(answer).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One HTTP API request: authenticated by its route's kind, then routed. The admin routes answer the
     * console's origin with its CORS headers, as the admin function's do (the customers' routes never).
     */
    public ApiResponse handle(ApiRequest http) {
        if (ConsoleCors.isPreflight(http)) {
            return cors.preflight(http);
        }
        ApiResponse response = route(http);
        return adminRoutes.containsKey(http.routeKey()) ? cors.allow(http, response) : response;
    }

    private ApiResponse route(ApiRequest http) {
        String requestId = http.requestId();
        try {
            Route admin = adminRoutes.get(http.routeKey());
            Route customer = customerRoutes.get(http.routeKey());
            ApiResponse response;
            if (admin != null) {
                String appId = http.pathParameter("appId").orElse("");
                if (!CustomerIds.isValidAppId(appId)) {
                    return ApiResponses.error(400, "appId must be 1 to 64 letters, digits, _ or -", requestId);
                }
                AdminKeys.Access access = keys.check(appId, http.bearerToken().orElse(null));
                if (access != AdminKeys.Access.GRANTED) {
                    return access == AdminKeys.Access.OTHER_APP
                            ? ApiResponses.error(403, "this key is for another app", requestId)
                            : ApiResponses.error(401, "missing or unknown admin key", requestId);
                }
                response = admin.handle(new LoyaltyRequest(appId, null, null, http, requestId));
            } else if (customer != null) {
                SessionClaims claims = tokens.verify(http.bearerToken()
                        .orElseThrow(() -> new TokenRejectedException("missing bearer token")));
                response = customer.handle(new LoyaltyRequest(claims.appId(), claims.customerId(), claims.openid(),
                        http, requestId));
            } else {
                return ApiResponses.error(404, "no such route", requestId);
            }
            log.info(requestId, "loyalty request", "route", http.routeKey(), "status", response.statusCode());
            return response;
        } catch (BadRequestException e) {
            return ApiResponses.error(e.status(), e.getMessage(), requestId);
        } catch (TokenRejectedException e) {
            return ApiResponses.error(401, e.getMessage(), requestId);
        } catch (StoreUnavailableException e) {
            log.error(requestId, "loyalty store unavailable", "error", e.getMessage());
            return ApiResponses.error(503, "could not be stored now; retry the same request later", requestId);
        }
    }
}
