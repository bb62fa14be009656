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
import com.mplifecycle.aws.bus.RfmSegmentPublisher;
import com.mplifecycle.aws.bus.RfmSegmentPublisher.SegmentRequest;
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
 * The daily RFM, churn and decay recomputation (spec §3–4), run by EventBridge Scheduler: every
 * run recomputes every customer of every app as of the clock's now, in each app's time zone.
 *
 * <p>Two ways, chosen by {@code RFM_SCAN_SEGMENTS_TOTAL} (default {@value #DEFAULT_TOTAL_SEGMENTS}):
 * <ul>
 * <li>1: one invocation, {@link ScoringRun#run}: two parallel scans of the profiles table over
 *     {@code RFM_SCAN_SEGMENTS} threads ({@value #DEFAULT_SEGMENTS} by default); fine up to a few
 *     hundred thousand customers.
 * <li>N &gt; 1: this invocation is the coordinator of a {@link FanOutRun}: it publishes N
 *     {@code RfmSegmentRequested} events on the project bus, and the template's rule brings each
 *     back to this function (told apart by {@code detail-type}), which does that segment's share of
 *     the pass with {@code RFM_SCAN_SEGMENTS} threads. The last segment of pass 1 merges and fits,
 *     the last of pass 2 writes the run records.
 * </ul>
 * Scale and measurements: docs/rfm.md.
 */
public final class RfmHandler implements RequestStreamHandler {
    static final int DEFAULT_SEGMENTS = 4;
    static final String SEGMENTS_VARIABLE = "RFM_SCAN_SEGMENTS";
    static final int DEFAULT_TOTAL_SEGMENTS = 16;
    static final long DEFAULT_CUSTOMERS_PER_INVOCATION = 250_000;

    private final ProfileStore profiles;
    private final AppStore apps;
    private final StatisticsStore statistics;
    private final Clock clock;
    private final int segments;
    private final FanOutRun fanOut;
    private final int totalSegments;
    private final int customersPerInvocation;
    private final JsonLogger log;

    public RfmHandler() {
        this(FunctionEnv.fromSystem());
    }

    public RfmHandler(FunctionEnv env) {
        this(env, new AwsClients(env));
    }

    private RfmHandler(FunctionEnv env, AwsClients aws) {
        this(new ProfileStore(aws.dynamoDb(), env.required(FunctionEnv.PROFILES_TABLE),
                        new AppCampaigns(new CampaignStore(aws.dynamoDb(), env.required(FunctionEnv.APPS_TABLE)),
                                new AppStore(aws.dynamoDb(), env.required(FunctionEnv.APPS_TABLE), env.clock()),
                                env.clock())),
                new AppStore(aws.dynamoDb(), env.required(FunctionEnv.APPS_TABLE), env.clock()),
                new StatisticsStore(aws.dynamoDb(), env.required(FunctionEnv.APPS_TABLE)),
                new RfmRunStore(aws.dynamoDb(), env.required(FunctionEnv.APPS_TABLE)),
                new RfmSegmentPublisher(aws.eventBridge(), env.required(FunctionEnv.EVENT_BUS_NAME)),
                env.clock(), env.integer(SEGMENTS_VARIABLE, DEFAULT_SEGMENTS),
                env.integer(FunctionEnv.RFM_SCAN_SEGMENTS_TOTAL, DEFAULT_TOTAL_SEGMENTS),
                env.integer(FunctionEnv.RFM_CUSTOMERS_PER_INVOCATION, (int) DEFAULT_CUSTOMERS_PER_INVOCATION),
                new JsonLogger("rfm", env.clock()));
    }

    RfmHandler(ProfileStore profiles, AppStore apps, StatisticsStore statistics, RfmRunStore runs, RfmSegmentPublisher requests, Clock clock, int segments, int totalSegments,
               int customersPerInvocation, JsonLogger log) {
        if (segments < 1 || totalSegments < 1 || customersPerInvocation < 1) {
            throw new IllegalArgumentException("segments and customers per invocation must be >= 1: " + segments
                    + ", " + totalSegments + ", " + customersPerInvocation);
        }
        this.fanOut = new FanOutRun(profiles, apps, statistics, runs, requests, segments);
        this.totalSegments = totalSegments;
        this.customersPerInvocation = customersPerInvocation;
        this.profiles = profiles;
        this.apps = apps;
        this.statistics = statistics;
        this.clock = clock;
        this.segments = segments;
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
        if (input != null && RfmSegmentPublisher.DETAIL_TYPE.equals(input.get("detail-type"))) {
            result = fanOut.segment(RecordJson.convert(input.get("detail"), SegmentRequest.class));
        } else {
            // DynamoDB's item count lags by up to six hours: good enough to size a run by
            int invocations = totalSegments == 1 ? 1
                    : FanOutRun.invocationsFor(profiles.approximateCount(), customersPerInvocation, totalSegments);
            if (invocations == 1) {
                return runInOne(requestId);
            }
            result = fanOut.start(clock.instant(), invocations);
        }
        log.info(requestId, "rfm fan-out", flat(result));
        return result;
    }

    private Map<String, Object> runInOne(String runId) {
        ScoringRun.Summary summary = new ScoringRun(profiles, apps, statistics, segments, clock.instant()).run();
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
