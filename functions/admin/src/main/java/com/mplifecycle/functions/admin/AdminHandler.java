package com.mplifecycle.functions.admin;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.mplifecycle.aws.admin.AdminKeys;
import com.mplifecycle.aws.config.AwsClients;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.http.ApiRequest;
import com.mplifecycle.aws.http.ApiResponses;
import com.mplifecycle.aws.http.BadRequestException;
import com.mplifecycle.aws.log.JsonLogger;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.CampaignStore;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.domain.profile.CustomerIds;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code /v1/apps/{appId}/...}: the operators' API. Every route needs the app's admin key
 * ({@code Authorization: Bearer <key>}): missing or unknown → 401, another app's → 403.
 * Routes are found by API Gateway's route key, so the template's routes and these are one list.
 */
public final class AdminHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final AdminKeys keys;
    private final Map<String, AdminRoute> routes = new LinkedHashMap<>();
    private final JsonLogger log;

    public AdminHandler() {
        this(FunctionEnv.fromSystem());
    }

    public AdminHandler(FunctionEnv env) {
        DynamoDbClient db = new AwsClients(env).dynamoDb();
        Clock clock = env.clock();
        String appsTable = env.required(FunctionEnv.APPS_TABLE);
        this.keys = new AdminKeys(db, appsTable, clock);
        this.log = new JsonLogger("admin", clock);
        CustomerRoutes customers = new CustomerRoutes(new ProfileStore(db, env.required(FunctionEnv.PROFILES_TABLE)),
                new AppStore(db, appsTable, clock), clock);
        routes.put("GET /v1/apps/{appId}/customers/{customerId}", customers::get);
        CampaignRoutes campaigns = new CampaignRoutes(new CampaignStore(db, appsTable));
        routes.put("PUT /v1/apps/{appId}/campaigns/{campaignId}", campaigns::put);
        routes.put("GET /v1/apps/{appId}/campaigns/{campaignId}", campaigns::get);
        routes.put("DELETE /v1/apps/{appId}/campaigns/{campaignId}", campaigns::delete);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        ApiRequest http = new ApiRequest(event);
        String requestId = http.requestId();
        try {
            AdminRoute route = routes.get(event.getRouteKey());
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
            APIGatewayV2HTTPResponse response = route.handle(new AdminRequest(appId, http, requestId));
            log.info(requestId, "admin request", "route", event.getRouteKey(), "appId", appId,
                    "status", response.getStatusCode());
            return response;
        } catch (BadRequestException e) {
            return ApiResponses.error(e.status(), e.getMessage(), requestId);
        }
    }
}
