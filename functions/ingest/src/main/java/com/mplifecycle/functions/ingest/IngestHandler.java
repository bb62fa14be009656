package com.mplifecycle.functions.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.mplifecycle.aws.auth.SessionClaims;
import com.mplifecycle.aws.auth.SessionTokens;
import com.mplifecycle.aws.auth.TokenRejectedException;
import com.mplifecycle.aws.config.AwsClients;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.http.ApiRequest;
import com.mplifecycle.aws.http.ApiResponse;
import com.mplifecycle.aws.http.ApiResponses;
import com.mplifecycle.aws.http.BadRequestException;
import com.mplifecycle.aws.http.HttpApiCall;
import com.mplifecycle.aws.log.JsonLogger;
import com.mplifecycle.aws.secrets.Secrets;
import com.mplifecycle.aws.store.EventChunk;
import com.mplifecycle.aws.store.EventStore;
import com.mplifecycle.aws.store.StoreUnavailableException;
import com.mplifecycle.domain.event.EventDecision;
import com.mplifecycle.domain.event.EventValidator;
import com.mplifecycle.domain.event.TrackedEvent;

/**
 * {@code POST /v1/events}: checks the customer's session token, validates each event, stores the
 * accepted ones as one chunk and answers 202 with what was accepted and why the rest was not.
 */
public final class IngestHandler implements RequestStreamHandler {
    public static final int MAX_BODY_BYTES = 256 * 1024;
    static final int DEFAULT_TTL_DAYS = 400;

    private final SessionTokens tokens;
    private final EventRequestParser parser;
    private final EventValidator validator;
    private final EventStore store;
    private final Clock clock;
    private final JsonLogger log;

    /** Lambda's entry: wiring from the process environment. */
    public IngestHandler() {
        this(FunctionEnv.fromSystem());
    }

    /** Wiring from an explicit environment and clock (the local runtime, tests). */
    public IngestHandler(FunctionEnv env) {
        AwsClients aws = new AwsClients(env);
        this.clock = env.clock();
        this.tokens = new SessionTokens(Secrets.load(env, aws::secretsManager)::tokenSigningKey, clock);
        this.parser = new EventRequestParser(MAX_BODY_BYTES, EventValidator.MAX_EVENTS);
        this.validator = new EventValidator(clock);
        this.store = new EventStore(aws.dynamoDb(), env.required(FunctionEnv.EVENTS_TABLE),
                Duration.ofDays(env.integer(FunctionEnv.EVENT_TTL_DAYS, DEFAULT_TTL_DAYS)));
        this.log = new JsonLogger("ingest", clock);
    }

    /** Lambda's entry: the HTTP API event in, the HTTP answer out. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        HttpApiCall.serve(input, output, this::handle);
    }

    public ApiResponse handle(ApiRequest request) {
        String requestId = request.requestId();
        try {
            byte[] body = request.body();
            SessionClaims claims = tokens.verify(request.bearerToken()
                    .orElseThrow(() -> new TokenRejectedException("missing bearer token")));
            List<EventDecision> decisions = validator.validate(parser.events(body));
            List<TrackedEvent> accepted = new ArrayList<>();
            List<Map<String, Object>> rejected = new ArrayList<>();
            for (EventDecision d : decisions) {
                if (d instanceof EventDecision.Accepted a) {
                    accepted.add(a.event());
                } else {
                    rejected.add(rejection((EventDecision.Rejected) d));
                }
            }
            double writeUnits = accepted.isEmpty() ? 0 : store.write(List.of(new EventChunk(claims.appId(),
                    claims.customerId(), claims.openid(), accepted)), clock.instant());
            log.info(requestId, "events ingested", "appId", claims.appId(), "customerId", claims.customerId(),
                    "accepted", accepted.size(), "rejected", rejected.size(), "writeUnits", writeUnits);
            Map<String, Object> answer = new LinkedHashMap<>();
            if (accepted.isEmpty()) {
                // Nothing to store: the client must fix the batch, so this is a 400 with every reason.
                answer.put("error", "no event in the batch was accepted");
                answer.put("requestId", requestId);
            }
            answer.put("accepted", accepted.size());
            answer.put("rejected", rejected);
            return ApiResponses.json(accepted.isEmpty() ? 400 : 202, answer);
        } catch (BadRequestException e) {
            log.info(requestId, "request refused", "status", e.status(), "reason", e.getMessage());
            return ApiResponses.error(e.status(), e.getMessage(), requestId);
        } catch (TokenRejectedException e) {
            log.info(requestId, "token refused", "reason", e.getMessage());
            return ApiResponses.error(401, e.getMessage(), requestId);
        } catch (StoreUnavailableException e) {
            log.error(requestId, "events not stored", "error", e.getMessage());
            return ApiResponses.error(503, "events could not be stored now; retry the same batch later", requestId);
        }
    }

    private static Map<String, Object> rejection(EventDecision.Rejected r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", r.index());
        m.put("eventId", r.eventId());
        m.put("reason", r.reason());
        return m;
    }
}
