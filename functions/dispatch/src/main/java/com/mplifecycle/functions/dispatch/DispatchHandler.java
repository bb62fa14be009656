package com.mplifecycle.functions.dispatch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.mplifecycle.aws.bus.CampaignChangePublisher;
import com.mplifecycle.aws.bus.DispatchWorkPublisher;
import com.mplifecycle.aws.bus.DispatchWorkPublisher.Work;
import com.mplifecycle.aws.bus.StageChangePublisher;
import com.mplifecycle.aws.config.AwsClients;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.json.JsonObjectCall;
import com.mplifecycle.aws.json.RecordJson;
import com.mplifecycle.aws.log.JsonLogger;
import com.mplifecycle.aws.secrets.Secrets;
import com.mplifecycle.aws.store.AppCampaigns;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.CampaignStore;
import com.mplifecycle.aws.store.ChainLeases;
import com.mplifecycle.aws.store.DispatchStore;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.aws.store.SendPauses;
import com.mplifecycle.aws.wechat.AccessTokenCache;
import com.mplifecycle.aws.wechat.WeChatClient;

/**
 * Campaign dispatch (docs/product.md, Sending rules). Three triggers, one decision path:
 * <ul>
 *   <li>{@code CustomerStageChanged} from the project bus: that customer is planned at once, so a
 *       stage-entered or reactivated campaign goes out within seconds;</li>
 *   <li>{@code CampaignChanged} from the admin API: a one-off backfill of that app's due index;</li>
 *   <li>{@code DispatchWorkRequested}, its own requests on the bus: the next hop of a walk (a due-index shard,
 *       a backfill segment) that an invocation handed on because it had more than its share
 *       ({@link WalkChains});</li>
 *   <li>the 5-minute schedule (any other input): retries that are due, then a sweep of the customers
 *       the due index lists as due by now: time-based triggers (inactivity, cart, journey steps,
 *       birthday, streak) and anything the event path deferred (quiet hours) or missed.</li>
 * </ul>
 * Both plan from the stored profile, so they agree on occurrences, and both go through the same
 * conditional claim, so they never push the same occurrence twice. A stage change is published only
 * after the profile that records it is committed (from the profiles table's stream), so the event path
 * reads the profile once.
 */
public final class DispatchHandler implements RequestStreamHandler {
    /** Segments of a backfill's scan, each a chain of its own when the app is large. */
    static final int SCAN_WORKERS = 16;
    public static final int WORKERS = 16;
    /** {@link FunctionEnv#DISPATCH_PAGE_SIZE} unless set. */
    static final int DEFAULT_PAGE_SIZE = 100;
    /** {@link FunctionEnv#DISPATCH_PAGES_PER_INVOCATION} unless set. */
    static final int DEFAULT_PAGES_PER_INVOCATION = 20;
    static final Duration WECHAT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration WECHAT_TIMEOUT = Duration.ofSeconds(5);

    private final ProfileStore profiles;
    private final CampaignStore campaigns;
    private final AppStore apps;
    private final DispatchStore records;
    private final CustomerDispatcher dispatcher;
    private final RetryQueue retries;
    private final Sweep sweep;
    private final Backfill backfill;
    private final AppCampaigns appCampaigns;
    private final WalkChains chains;
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
        this.campaigns = new CampaignStore(db, appsTable);
        this.apps = new AppStore(db, appsTable, clock);
        this.appCampaigns = new AppCampaigns(campaigns, apps, clock);
        this.profiles = new ProfileStore(db, profilesTable, appCampaigns);
        this.records = new DispatchStore(db, env.required(FunctionEnv.DISPATCH_TABLE), profilesTable,
                env.required(FunctionEnv.APPS_TABLE));
        SendPauseBook pauses = new SendPauseBook(new SendPauses(db, appsTable));
        int pageSize = env.integer(FunctionEnv.DISPATCH_PAGE_SIZE, DEFAULT_PAGE_SIZE);
        this.chains = new WalkChains(new ChainLeases(db, appsTable),
                new DispatchWorkPublisher(aws::eventBridge, env.required(FunctionEnv.EVENT_BUS_NAME)),
                env.integer(FunctionEnv.DISPATCH_PAGES_PER_INVOCATION, DEFAULT_PAGES_PER_INVOCATION));
        WeChatClient wechat = new WeChatClient(URI.create(env.optional(FunctionEnv.WECHAT_BASE_URL)
                .orElse(WeChatClient.DEFAULT_BASE_URL.toString())), WECHAT_CONNECT_TIMEOUT, WECHAT_TIMEOUT);
        PushSender sender = new PushSender(wechat, new AccessTokenCache(db, appsTable, wechat, clock),
                Secrets.load(env, aws::secretsManager), records, profiles, pauses);
        this.dispatcher = new CustomerDispatcher(profiles, records, sender, pauses);
        this.retries = new RetryQueue(records, profiles, sender, pauses);
        ExecutorService scanners = daemonPool(Math.max(ProfileStore.dueShards(), SCAN_WORKERS), "dispatch-scan");
        ExecutorService workers = daemonPool(WORKERS, "dispatch-worker");
        this.sweep = new Sweep(profiles, dispatcher, chains, scanners, workers, records::flushCounts, pageSize);
        this.backfill = new Backfill(profiles, chains, scanners, workers, SCAN_WORKERS, pageSize);
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
            profiles.load(appId, String.valueOf(detail.get("customerId")))
                    .ifPresent(p -> dispatcher.dispatch(p, appCampaigns.of(appId, now), now, tally));
            return "stage_change";
        }
        if (CampaignChangePublisher.DETAIL_TYPE.equals(event.get("detail-type"))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> detail = (Map<String, Object>) event.get("detail");
            Backfill.Result r = backfill.run(String.valueOf(detail.get("appId")), appCampaigns, now);
            tally.customers.addAndGet((int) r.moved());
            tally.handedOn.addAndGet(r.handedOn());
            return "campaign_changed";
        }
        if (DispatchWorkPublisher.DETAIL_TYPE.equals(event.get("detail-type"))) {
            Work hop = RecordJson.convert(event.get("detail"), Work.class);
            if (hop.walk().equals(DispatchWorkPublisher.SWEEP)) {
                return "sweep_hop " + sweep.resume(hop, appCampaigns, now, tally).name().toLowerCase(Locale.ROOT);
            }
            Backfill.Result r = backfill.resume(hop, appCampaigns, now);
            tally.customers.addAndGet((int) r.moved());
            tally.handedOn.addAndGet(r.handedOn());
            return "backfill_hop";
        }
        List<ChainLeases.Lease> leases = chains.leases();
        retries.sendDue(appCampaigns, now, tally);
        tally.handedOn.addAndGet(backfill.takeOver(leases, now));
        sweep.run(appCampaigns, now, tally, leases);
        return "schedule";
    }

    private static ExecutorService daemonPool(int threads, String name) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
