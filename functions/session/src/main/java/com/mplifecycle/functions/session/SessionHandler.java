package com.mplifecycle.functions.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.mplifecycle.aws.auth.SessionTokens;
import com.mplifecycle.aws.config.AwsClients;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.http.ApiRequest;
import com.mplifecycle.aws.http.ApiResponse;
import com.mplifecycle.aws.http.ApiResponses;
import com.mplifecycle.aws.http.BadRequestException;
import com.mplifecycle.aws.http.HttpApiCall;
import com.mplifecycle.aws.log.JsonLogger;
import com.mplifecycle.aws.secrets.Secrets;
import com.mplifecycle.aws.secrets.WeChatAppCredentials;
import com.mplifecycle.aws.store.AbuseCounters;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.StoreUnavailableException;
import com.mplifecycle.aws.wechat.Code2SessionResult;
import com.mplifecycle.aws.wechat.WeChatClient;
import com.mplifecycle.aws.wechat.WeChatUnavailableException;
import com.mplifecycle.domain.app.AbuseLimits;
import com.mplifecycle.domain.profile.CustomerIds;

/**
 * {@code POST /v1/session}: exchanges a {@code wx.login} code for the customer's openid with
 * WeChat's {@code jscode2session} and answers a signed session token. WeChat answers errors with
 * HTTP 200 and an errcode, which map to the statuses a mini-program can act on. More logins of one
 * openid per minute than the app's abuse limits allow get 429 with {@code Retry-After}.
 */
public final class SessionHandler implements RequestStreamHandler {
    /** Well inside API Gateway's 30 s and the function's timeout. */
    static final Duration WECHAT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration WECHAT_CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private final Secrets secrets;
    private final SessionTokens tokens;
    private final WeChatClient wechat;
    private final AppStore apps;
    private final AbuseCounters counters;
    private final Clock clock;
    private final JsonLogger log;

    public SessionHandler() {
        this(FunctionEnv.fromSystem());
    }

    public SessionHandler(FunctionEnv env) {
        AwsClients aws = new AwsClients(env);
        this.secrets = Secrets.load(env, aws::secretsManager);
        this.clock = env.clock();
        String appsTable = env.required(FunctionEnv.APPS_TABLE);
        this.apps = new AppStore(aws.dynamoDb(), appsTable, clock);
        this.counters = new AbuseCounters(aws.dynamoDb(), appsTable);
        this.tokens = new SessionTokens(secrets::tokenSigningKey, clock);
        this.wechat = new WeChatClient(URI.create(env.optional(FunctionEnv.WECHAT_BASE_URL)
                .orElse(WeChatClient.DEFAULT_BASE_URL.toString())), WECHAT_CONNECT_TIMEOUT, WECHAT_TIMEOUT);
        this.log = new JsonLogger("session", clock);
    }

    /** Lambda's entry: the HTTP API event in, the HTTP answer out. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        HttpApiCall.serve(input, output, this::handle);
    }

    public ApiResponse handle(ApiRequest request) {
        String requestId = request.requestId();
        try {
            LoginRequest login = LoginRequest.parse(request.body());
            WeChatAppCredentials app = secrets.app(login.appId())
                    .orElseThrow(() -> new BadRequestException(404, "unknown appId"));
            Code2SessionResult result = wechat.code2Session(app.wechatAppId(), app.appSecret(), login.code());
            if (result instanceof Code2SessionResult.Success success) {
                String customerId = CustomerIds.of(login.appId(), success.openid());
                AbuseLimits limits = apps.settingsOrDefaults(login.appId()).abuseLimits();
                if (counters.admitLogin(login.appId(), customerId, limits, clock.instant())
                        instanceof AbuseCounters.Refused refused) {
                    log.warn(requestId, "login refused by a limit", "appId", login.appId(), "customerId", customerId,
                            "limit", refused.limit(), "retryAfter", refused.retryAfterSeconds());
                    return ApiResponses.tooManyRequests("too many logins of this customer; retry later",
                            refused.retryAfterSeconds(), requestId);
                }
                log.info(requestId, "session issued", "appId", login.appId(), "customerId", customerId);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("token", tokens.issue(login.appId(), customerId, success.openid()));
                body.put("expiresIn", SessionTokens.LIFETIME.toSeconds());
                body.put("customerId", customerId);
                return ApiResponses.json(200, body);
            }
            Code2SessionResult.Failure failure = (Code2SessionResult.Failure) result;
            LoginFailure mapped = LoginFailure.of(failure.errcode());
            log.warn(requestId, "wechat refused login", "appId", login.appId(), "errcode", failure.errcode(),
                    "status", mapped.status());
            return ApiResponses.error(mapped.status(), mapped.reason(), requestId);
        } catch (BadRequestException e) {
            return ApiResponses.error(e.status(), e.getMessage(), requestId);
        } catch (WeChatUnavailableException e) {
            log.warn(requestId, "wechat unavailable", "error", e.getMessage());
            return ApiResponses.error(502, "WeChat is unavailable; retry later", requestId);
        } catch (StoreUnavailableException e) {
            log.error(requestId, "login counter unavailable", "error", e.getMessage());
            return ApiResponses.error(503, "login could not be completed now; retry later", requestId);
        }
    }
}
