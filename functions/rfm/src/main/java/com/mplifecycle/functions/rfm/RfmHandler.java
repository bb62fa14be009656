package com.mplifecycle.functions.rfm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.mplifecycle.aws.bus.RfmSlicePublisher;
import com.mplifecycle.aws.bus.RfmSlicePublisher.SliceRequest;
import com.mplifecycle.aws.config.AwsClients;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.json.JsonObjectCall;
import com.mplifecycle.aws.json.RecordJson;
import com.mplifecycle.aws.log.JsonLogger;
import com.mplifecycle.aws.store.AppCampaigns;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.CampaignStore;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.aws.store.RfmRunStore;
import com.mplifecycle.aws.store.StatisticsStore;

/**
 * The daily RFM, churn and decay recomputation (docs/product.md, Stages and RFM), run by EventBridge Scheduler: every
 * run recomputes every customer of every app as of the clock's now, in each app's time zone.
 *
 * <p>Two ways, chosen by {@code RFM_INVOCATIONS_MAX} (default {@value #DEFAULT_MAX_INVOCATIONS}):
 * <ul>
 * <li>1: one invocation, {@link ScoringRun#run}: two parallel scans of the profiles table over
 *     {@code RFM_SCAN_WORKERS} threads ({@value #DEFAULT_SCAN_WORKERS} by default); fine up to a few
 *     hundred thousand customers.
 * <li>N &gt; 1: this invocation is the coordinator of a {@link FanOutRun}: it publishes N
 *     {@code RfmSliceRequested} events on the project bus, and the template's rule brings each
 *     back to this function (told apart by {@code detail-type}), which does that slice's share of
 *     the pass with {@code RFM_SCAN_WORKERS} threads. The last slice of pass 1 merges and fits,
 *     the last of pass 2 writes the run records.
 * </ul>
 * Scale and measurements: docs/rfm.md.
 */
public final class RfmHandler implements RequestStreamHandler {
    static final int DEFAULT_SCAN_WORKERS = 4;
    static final String SCAN_WORKERS_VARIABLE = "RFM_SCAN_WORKERS";
    static final int DEFAULT_MAX_INVOCATIONS = 16;
    static final long DEFAULT_CUSTOMERS_PER_INVOCATION = 250_000;

    private final ProfileStore profiles;
    private final AppStore apps;
    private final StatisticsStore statistics;
    private final Clock clock;
    private final int scanWorkers;
    private final FanOutRun fanOut;
    private final int maxInvocations;
    private final int customersPerInvocation;
    private final JsonLogger log;

    public RfmHandler() {
        this(FunctionEnv.fromSystem());
    }

    public RfmHandler(FunctionEnv env) {
        this(env, new AwsClients(env));
    }

    private RfmHandler(FunctionEnv env, AwsClients aws) {
        this(env, aws, new AppStore(aws.dynamoDb(), env.required(FunctionEnv.APPS_TABLE), env.clock()));
    }

    /** @param apps one store (one settings cache) for the scoring and the due index's campaigns */
    private RfmHandler(FunctionEnv env, AwsClients aws, AppStore apps) {
        this(new ProfileStore(aws.dynamoDb(), env.required(FunctionEnv.PROFILES_TABLE),
                        new AppCampaigns(new CampaignStore(aws.dynamoDb(), env.required(FunctionEnv.APPS_TABLE)), apps,
                                env.clock())),
                apps,
                new StatisticsStore(aws.dynamoDb(), env.required(FunctionEnv.APPS_TABLE)),
                new RfmRunStore(aws.dynamoDb(), env.required(FunctionEnv.APPS_TABLE)),
                new RfmSlicePublisher(aws.eventBridge(), env.required(FunctionEnv.EVENT_BUS_NAME)),
                env.clock(), env.integer(SCAN_WORKERS_VARIABLE, DEFAULT_SCAN_WORKERS),
                env.integer(FunctionEnv.RFM_INVOCATIONS_MAX, DEFAULT_MAX_INVOCATIONS),
                env.integer(FunctionEnv.RFM_CUSTOMERS_PER_INVOCATION, (int) DEFAULT_CUSTOMERS_PER_INVOCATION),
                new JsonLogger("rfm", env.clock()));
    }

    RfmHandler(ProfileStore profiles, AppStore apps, StatisticsStore statistics, RfmRunStore runs, RfmSlicePublisher requests, Clock clock, int scanWorkers, int maxInvocations,
               int customersPerInvocation, JsonLogger log) {
        if (scanWorkers < 1 || maxInvocations < 1 || customersPerInvocation < 1) {
            throw new IllegalArgumentException("scan workers, invocations and customers per invocation must be >= 1: "
                    + scanWorkers + ", " + maxInvocations + ", " + customersPerInvocation);
        }
        this.fanOut = new FanOutRun(profiles, apps, statistics, runs, requests, scanWorkers);
        this.maxInvocations = maxInvocations;
        this.customersPerInvocation = customersPerInvocation;
        this.profiles = profiles;
        this.apps = apps;
        this.statistics = statistics;
        this.clock = clock;
        this.scanWorkers = scanWorkers;
        this.log = log;
    }

    /** Lambda's entry: the event's JSON object in, the counts out. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonObjectCall.serve(input, output, event -> handle(event, context));
    }

    public Map<String, Object> handle(Map<String, Object> input, Context context) {
        String requestId = context == null ? UUID.randomUUID().toString() : context.getAwsRequestId();
        Map<String, Object> result;
        if (input != null && RfmSlicePublisher.DETAIL_TYPE.equals(input.get("detail-type"))) {
            result = fanOut.slice(RecordJson.convert(input.get("detail"), SliceRequest.class));
        } else {
            // DynamoDB's item count lags by up to six hours: good enough to size a run by
            int invocations = maxInvocations == 1 ? 1
                    : FanOutRun.invocationsFor(profiles.approximateCount(), customersPerInvocation, maxInvocations);
            if (invocations == 1) {
                return runInOne(requestId);
            }
            result = fanOut.start(clock.instant(), invocations);
        }
        log.info(requestId, "rfm fan-out", flat(result));
        return result;
    }

    private Map<String, Object> runInOne(String runId) {
        ScoringRun.Summary summary = new ScoringRun(profiles, apps, statistics, scanWorkers, clock.instant()).run();
        Map<String, Object> counts = counts(summary);
        log.info(runId, "rfm run finished", flat(counts));
        return counts;
    }

    private static Object[] flat(Map<String, Object> fields) {
        return fields.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray();
    }

    private static Map<String, Object> counts(ScoringRun.Summary s) {
        Map<String, Object> perApp = new LinkedHashMap<>();
        s.apps().forEach((appId, app) -> perApp.put(appId,
                Map.of("buyers", app.buyers(), "fitted", app.fitted())));
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("scanned", s.scanned());
        counts.put("written", s.written());
        counts.put("decayed", s.decayed());
        counts.put("conflicts", s.conflicts());
        counts.put("failed", s.failed());
        counts.put("apps", perApp);
        counts.put("elapsedMs", s.elapsedMs());
        return counts;
    }
}
