package com.mplifecycle.functions.dispatch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.mplifecycle.aws.bus.StageChangePublisher;
import com.mplifecycle.aws.config.AwsClients;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.json.JsonObjectCall;
import com.mplifecycle.aws.log.JsonLogger;
import com.mplifecycle.aws.secrets.Secrets;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.CampaignStore;
import com.mplifecycle.aws.store.DispatchStore;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.aws.wechat.AccessTokenCache;
import com.mplifecycle.aws.wechat.WeChatClient;
import com.mplifecycle.domain.profile.CustomerProfile;

/**
 * Campaign dispatch (docs/product.md, Sending rules). Two triggers, one decision path:
 * <ul>
 *   <li>{@code CustomerStageChanged} from the project bus: that customer is planned at once, so a
 *       stage-entered or reactivated campaign goes out within seconds;</li>
 *   <li>the 5-minute schedule (any other input): retries that are due, then a sweep of every profile
 *       for time-based triggers (inactivity, cart, journey steps, birthday, streak) and anything the
 *       event path deferred (quiet hours) or missed.</li>
 * </ul>
 * Both plan from the stored profile, so they agree on occurrences, and both go through the same
 * conditional claim, so they never push the same occurrence twice. The lifecycle function publishes a
 * stage change just before it writes the profile, so the event can arrive first: the event path re-reads
 * the profile for a moment until it shows the change.
 */
public final class DispatchHandler implements RequestStreamHandler {
    static final int SCAN_WORKERS = 4;
    public static final int WORKERS = 16;
    static final Duration WECHAT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration WECHAT_TIMEOUT = Duration.ofSeconds(5);
    /**
     * Re-reads of a profile whose announced stage change is not stored yet: the write follows the publish
     * within milliseconds, so the first pause is short, then they double, for {@link #STAGE_WRITE_PATIENCE}.
     */
    static final Duration STAGE_WRITE_FIRST_WAIT = Duration.ofMillis(5);
    static final Duration STAGE_WRITE_MAX_WAIT = Duration.ofMillis(100);
    static final Duration STAGE_WRITE_PATIENCE = Duration.ofSeconds(1);

    private final ProfileStore profiles;
    private final CampaignStore campaigns;
    private final AppStore apps;
    private final DispatchStore records;
    private final CustomerDispatcher dispatcher;
    private final RetryQueue retries;
    private final Sweep sweep;
    private final AppCampaigns appCampaigns;
    private final Clock clock;
    private final JsonLogger log;

    public DispatchHandler() {
        this(FunctionEnv.fromSystem());
    }

    public DispatchHandler(FunctionEnv env) {
        AwsClients aws = new AwsClients(env);
        var db = aws.dynamoDb();
        String appsTable = env.required(FunctionEnv.APPS_TABLE);
        String profilesTable = env.required(FunctionEnv.PROFILES_TABLE);
        this.clock = env.clock();
        this.profiles = new ProfileStore(db, profilesTable);
        this.campaigns = new CampaignStore(db, appsTable);
        this.apps = new AppStore(db, appsTable, clock);
        this.records = new DispatchStore(db, env.required(FunctionEnv.DISPATCH_TABLE), profilesTable,
                env.required(FunctionEnv.APPS_TABLE));
        WeChatClient wechat = new WeChatClient(URI.create(env.optional(FunctionEnv.WECHAT_BASE_URL)
                .orElse(WeChatClient.DEFAULT_BASE_URL.toString())), WECHAT_CONNECT_TIMEOUT, WECHAT_TIMEOUT);
        PushSender sender = new PushSender(wechat, new AccessTokenCache(db, appsTable, wechat, clock),
                Secrets.load(env, aws::secretsManager), records, profiles);
        this.dispatcher = new CustomerDispatcher(profiles, records, sender);
        this.retries = new RetryQueue(records, profiles, sender);
        this.sweep = new Sweep(profiles, dispatcher, daemonPool(SCAN_WORKERS, "dispatch-scan"),
                daemonPool(WORKERS, "dispatch-worker"), SCAN_WORKERS, records::flushCounts);
        this.appCampaigns = new AppCampaigns(campaigns, apps);
        this.log = new JsonLogger("dispatch", clock);
    }

    /** Lambda's entry: the event's JSON object in, the counts out. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonObjectCall.serve(input, output, event -> handle(event, context));
    }

    public Map<String, Object> handle(Map<String, Object> event, Context context) {
        String requestId = context == null ? UUID.randomUUID().toString() : context.getAwsRequestId();
        Instant now = clock.instant();
        DispatchTally tally = new DispatchTally();
        String trigger;
        try {
            trigger = dispatch(event, appCampaigns, now, tally);
        } finally {
            records.flushCounts();
        }
        Map<String, Object> counts = tally.asMap();
        log.info(requestId, "dispatch finished", "trigger", trigger, "counts", counts);
        return counts;
    }

    private String dispatch(Map<String, Object> event, AppCampaigns appCampaigns, Instant now, DispatchTally tally) {
        if (StageChangePublisher.DETAIL_TYPE.equals(event.get("detail-type"))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> detail = (Map<String, Object>) event.get("detail");
            String appId = String.valueOf(detail.get("appId"));
            Instant at = detail.get("at") == null ? null : Instant.parse(String.valueOf(detail.get("at")));
            announced(appId, String.valueOf(detail.get("customerId")), at)
                    .ifPresent(p -> dispatcher.dispatch(p, appCampaigns.of(appId, now), now, tally));
            return "stage_change";
        }
        retries.sendDue(appCampaigns, now, tally);
        sweep.run(appCampaigns, now, tally);
        return "schedule";
    }

    /**
     * The profile with the stage change the event announces. Publishers send the event before they
     * write the profile (so that a failed publish writes nothing), so it can arrive first: read
     * again, briefly, until the profile is stored with a stage at least as new as the event; a write that never
     * lands (lost race, redone) leaves the profile as it is, for the sweep.
     */
    private Optional<CustomerProfile> announced(String appId, String customerId, Instant at) {
        Optional<CustomerProfile> p = profiles.load(appId, customerId);
        long waited = 0;
        long wait = STAGE_WRITE_FIRST_WAIT.toMillis();
        while (at != null && waited < STAGE_WRITE_PATIENCE.toMillis() && (p.isEmpty() || storedBefore(p.get(), at))) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            waited += wait;
            wait = Math.min(2 * wait, STAGE_WRITE_MAX_WAIT.toMillis());
            p = profiles.load(appId, customerId);
        }
        return p;
    }

    private static boolean storedBefore(CustomerProfile p, Instant at) {
        // profiles keep instants in milliseconds
        return p.stageSince() == null || p.stageSince().isBefore(at.truncatedTo(ChronoUnit.MILLIS));
    }

    private static ExecutorService daemonPool(int threads, String name) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
