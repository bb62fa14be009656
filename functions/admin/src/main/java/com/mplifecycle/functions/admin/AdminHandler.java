package com.mplifecycle.functions.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.mplifecycle.aws.admin.AdminKeys;
import com.mplifecycle.aws.bus.CampaignChangePublisher;
import com.mplifecycle.aws.config.AwsClients;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.http.ApiRequest;
import com.mplifecycle.aws.http.ApiResponse;
import com.mplifecycle.aws.http.ApiResponses;
import com.mplifecycle.aws.http.BadRequestException;
import com.mplifecycle.aws.http.ConsoleCors;
import com.mplifecycle.aws.http.HttpApiCall;
import com.mplifecycle.aws.log.JsonLogger;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.DynamoDbCampaignOutcomeCounts;
import com.mplifecycle.aws.store.EventStore;
import com.mplifecycle.aws.store.FeedbackStore;
import com.mplifecycle.aws.store.FunnelStore;
import com.mplifecycle.aws.store.LoyaltyStore;
import com.mplifecycle.aws.store.CampaignStore;
import com.mplifecycle.aws.store.DispatchStore;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.aws.store.SharingStore;
import com.mplifecycle.aws.store.StageHistoryStore;
import com.mplifecycle.aws.store.StatisticsStore;
import com.mplifecycle.domain.profile.CustomerIds;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code /v1/apps/{appId}/...}: the operators' API. Every route needs the app's admin key
 * ({@code Authorization: Bearer <key>}): missing or unknown → 401, another app's → 403.
 * Routes are found by API Gateway's route key, so the template's routes and these are one list.
 */
public final class AdminHandler implements RequestStreamHandler {
    private final AdminKeys keys;
    private final Map<String, AdminRoute> routes = new LinkedHashMap<>();
    private final JsonLogger log;
    private final ConsoleCors cors;

    public AdminHandler() {
        this(FunctionEnv.fromSystem());
    }

    public AdminHandler(FunctionEnv env) {
        AwsClients aws = new AwsClients(env);
        DynamoDbClient db = aws.dynamoDb();
        Clock clock = env.clock();
        String appsTable = env.required(FunctionEnv.APPS_TABLE);
        this.keys = new AdminKeys(db, appsTable, clock);
        this.log = new JsonLogger("admin", clock);
        this.cors = new ConsoleCors(env.optional(FunctionEnv.CONSOLE_ORIGIN).filter(o -> !o.isBlank()).orElse(null));
        ProfileStore profiles = new ProfileStore(db, env.required(FunctionEnv.PROFILES_TABLE));
        AppStore apps = new AppStore(db, appsTable, clock);
        FunnelStore funnel = new FunnelStore(db, appsTable);
        EventStore events = new EventStore(db, env.required(FunctionEnv.EVENTS_TABLE), Duration.ZERO);
        DispatchStore dispatch = new DispatchStore(db, env.required(FunctionEnv.DISPATCH_TABLE),
                env.required(FunctionEnv.PROFILES_TABLE), appsTable);
        LoyaltyStore loyalty = new LoyaltyStore(db, env.required(FunctionEnv.LOYALTY_TABLE));
        FeedbackStore feedback = new FeedbackStore(db, appsTable);
        SharingStore sharing = new SharingStore(db, appsTable);
        CustomerErasure erasure = new CustomerErasure(profiles, List.of(events::deleteCustomer,
                (app, customer) -> funnel.deleteCustomer(app, customer, java.time.LocalDate.now(clock)), dispatch::deleteCustomer,
                loyalty::deleteCustomer, feedback::deleteCustomer, sharing::deleteCustomer), clock);
        CustomerRoutes customers = new CustomerRoutes(profiles, apps, sharing, clock, erasure);
        routes.put("GET /v1/apps/{appId}/customers", new CustomerList(profiles, apps)::list);
        routes.put("GET /v1/apps/{appId}/customers/{customerId}", customers::get);
        routes.put("DELETE /v1/apps/{appId}/customers/{customerId}", customers::delete);
        SettingsRoutes settings = new SettingsRoutes(apps);
        routes.put("GET /v1/apps/{appId}/settings", settings::get);
        routes.put("PUT /v1/apps/{appId}/settings", settings::put);
        StatisticsRoutes stats = new StatisticsRoutes(apps, new StatisticsStore(db, appsTable),
                new StageHistoryStore(db, appsTable), funnel, clock);
        routes.put("GET /v1/apps/{appId}/stats/stages", stats::stages);
        routes.put("GET /v1/apps/{appId}/stats/stages/history", stats::stageHistory);
        routes.put("GET /v1/apps/{appId}/stats/segments", stats::segments);
        routes.put("GET /v1/apps/{appId}/stats/retention", stats::retention);
        routes.put("GET /v1/apps/{appId}/stats/repurchase", stats::repurchase);
        routes.put("GET /v1/apps/{appId}/stats/funnel", stats::funnel);
        routes.put("GET /v1/apps/{appId}/stats/campaigns/{campaignId}",
                new CampaignStatistics(new DynamoDbCampaignOutcomeCounts(db, appsTable))::get);
        FeedbackRoutes inbox = new FeedbackRoutes(feedback, profiles, apps, clock);
        routes.put("GET /v1/apps/{appId}/feedback", inbox::list);
        routes.put("PATCH /v1/apps/{appId}/feedback/{feedbackId}", inbox::patch);
        routes.put("GET /v1/apps/{appId}/stats/feedback", inbox::stats);
        routes.put("GET /v1/apps/{appId}/stats/sharing", new SharingRoutes(sharing, clock)::stats);
        String busName = env.required(FunctionEnv.EVENT_BUS_NAME);
        // the EventBridge client is made on the first campaign change, not at start (cold start):
        // AwsClients makes it once, on first use
        CampaignRoutes campaigns = new CampaignRoutes(new CampaignStore(db, appsTable), (appId, campaignId) ->
                new CampaignChangePublisher(aws.eventBridge(), busName).publish(appId, campaignId));
        routes.put("GET /v1/apps/{appId}/campaigns", campaigns::list);
        routes.put("POST /v1/apps/{appId}/campaigns/defaults", campaigns::installDefaults);
        routes.put("PUT /v1/apps/{appId}/campaigns/{campaignId}", campaigns::put);
        routes.put("GET /v1/apps/{appId}/campaigns/{campaignId}", campaigns::get);
        routes.put("DELETE /v1/apps/{appId}/campaigns/{campaignId}", campaigns::delete);
    }

    /** Lambda's entry: the HTTP API event in, the HTTP answer out. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        HttpApiCall.serve(input, output, this::handle);
    }

    /** The route's answer, with the console's CORS headers when the request comes from its origin. */
    public ApiResponse handle(ApiRequest http) {
        if (ConsoleCors.isPreflight(http)) {
            return cors.preflight(http);
        }
        return cors.allow(http, route(http));
    }

    private ApiResponse route(ApiRequest http) {
        String requestId = http.requestId();
        try {
            AdminRoute route = routes.get(http.routeKey());
            if (route == null) {
                return ApiResponses.error(404, "no such route", requestId);
            }
            String appId = http.pathParameter("appId").orElse("");
            if (!CustomerIds.isValidAppId(appId)) {
                return ApiResponses.error(400, "appId must be 1 to 64 letters, digits, _ or -", requestId);
            }
            AdminKeys.Access access = keys.check(appId, http.bearerToken().orElse(null));
            if (access != AdminKeys.Access.GRANTED) {
                log.info(requestId, "admin key refused", "appId", appId, "access", access.name());
                return access == AdminKeys.Access.OTHER_APP
                        ? ApiResponses.error(403, "this key is for another app", requestId)
                        : ApiResponses.error(401, "missing or unknown admin key", requestId);
            }
            ApiResponse response = route.handle(new AdminRequest(appId, http, requestId));
            log.info(requestId, "admin request", "route", http.routeKey(), "appId", appId,
                    "status", response.statusCode());
            return response;
        } catch (BadRequestException e) {
            return ApiResponses.error(e.status(), e.getMessage(), requestId);
        } catch (InvalidFieldException e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", e.getMessage());
            body.put("field", e.field());
            body.put("reason", e.reason());
            body.put("requestId", requestId);
            return ApiResponses.json(400, body);
        }
    }
}
