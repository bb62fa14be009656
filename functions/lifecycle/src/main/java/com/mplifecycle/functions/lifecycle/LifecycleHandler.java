package com.mplifecycle.functions.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.mplifecycle.aws.store.ChunkRecord;
import com.mplifecycle.aws.bus.StageChangePublisher;
import com.mplifecycle.aws.config.AwsClients;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.json.JsonObjectCall;
import com.mplifecycle.aws.log.JsonLogger;
import com.mplifecycle.aws.store.AppCampaigns;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.CampaignStore;
import com.mplifecycle.aws.store.CampaignOutcomeCounters;
import com.mplifecycle.aws.store.FeedbackStore;
import com.mplifecycle.aws.store.FunnelStore;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.aws.store.SharingStore;
import com.mplifecycle.aws.store.StoredCustomer;
import com.mplifecycle.aws.store.TableKeys;
import com.mplifecycle.domain.funnel.FunnelAdditions;

/**
 * Two streams. The events table's: groups records by customer, folds each customer's new events into
 * the profile once per batch (with its stage changes) and reports the records of customers that
 * could not be updated as batch item failures, so one bad customer does not block the shard. The
 * profiles table's (only writes that changed a stage): publishes those changes, once committed
 * ({@link StageChangeRelay}). A stream handler: the records are read from the event's JSON ({@link ChunkRecord}), and the answer
 * is the {@code {"batchItemFailures": [{"itemIdentifier": …}]}} that Lambda's event source mapping reads.
 */
public final class LifecycleHandler implements RequestStreamHandler {
    /** Concurrent customer updates per invocation; SDK clients are thread-safe. */
    static final int PARALLELISM = 8;

    private final CustomerUpdater updater;
    private final StageChangeRelay relay;
    private final String profilesTable;
    private final FunnelStore funnel;
    private final JsonLogger log;
    private final ExecutorService workers = Executors.newFixedThreadPool(PARALLELISM, r -> {
        Thread t = new Thread(r, "lifecycle-worker");
        t.setDaemon(true);
        return t;
    });

    public LifecycleHandler() {
        this(FunctionEnv.fromSystem());
    }

    public LifecycleHandler(FunctionEnv env) {
        AwsClients aws = new AwsClients(env);
        var db = aws.dynamoDb();
        this.profilesTable = env.required(FunctionEnv.PROFILES_TABLE);
        AppStore apps = new AppStore(db, env.required(FunctionEnv.APPS_TABLE), env.clock());
        // every profile write keeps the customer's place in the due index (the app's campaigns)
        AppCampaigns campaigns = new AppCampaigns(new CampaignStore(db, env.required(FunctionEnv.APPS_TABLE)), apps,
                env.clock());
        this.updater = new CustomerUpdater(
                new ProfileStore(db, profilesTable, campaigns),
                apps,
                new CampaignOutcomeCounters(db, env.required(FunctionEnv.APPS_TABLE)), env.clock(),
                new FeedbackStore(db, env.required(FunctionEnv.APPS_TABLE)),
                new SharingStore(db, env.required(FunctionEnv.APPS_TABLE)));
        this.funnel = new FunnelStore(db, env.required(FunctionEnv.APPS_TABLE));
        this.log = new JsonLogger("lifecycle", env.clock());
        this.relay = new StageChangeRelay(new StageChangePublisher(aws.eventBridge(),
                env.required(FunctionEnv.EVENT_BUS_NAME)), log);
    }

    /** Lambda's entry: a batch of the events table's stream in, the batch item failures out. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonObjectCall.serve(input, output, event -> handle(records(event), context));
    }

    private static List<Map<?, ?>> records(Map<String, Object> event) {
        if (!(event.get("Records") instanceof List<?> list)) {
            throw new IllegalArgumentException("event has no Records: not a DynamoDB stream batch");
        }
        List<Map<?, ?>> records = new ArrayList<>(list.size());
        for (Object record : list) {
            if (!(record instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("a stream record is not a JSON object");
            }
            records.add(m);
        }
        return records;
    }

    private Map<String, Object> handle(List<Map<?, ?>> records, Context context) {
        String batchId = context == null ? UUID.randomUUID().toString() : context.getAwsRequestId();
        if (!records.isEmpty() && StageChangeRelay.isFromTable(records.get(0), profilesTable)) {
            return relay.handle(records, batchId); // one event source mapping, one stream per batch
        }
        List<Map<String, Object>> failures = new ArrayList<>();
        Map<String, List<ChunkRecord>> byCustomer = new LinkedHashMap<>();
        int skipped = 0;
        for (Map<?, ?> record : records) {
            if (ChunkRecord.isRemoval(record)) {
                skipped++;
                continue;
            }
            try {
                ChunkRecord chunk = ChunkRecord.from(record);
                byCustomer.computeIfAbsent(chunk.customerKey(), k -> new ArrayList<>()).add(chunk);
            } catch (RuntimeException e) {
                String seq = ChunkRecord.sequenceNumber(record);
                log.warn(batchId, "unreadable stream record", "sequenceNumber", seq, "error", e.getMessage());
                failures.add(failure(seq));
            }
        }
        Map<String, StoredCustomer> profiles = updater.load(new ArrayList<>(byCustomer.keySet()));
        // Customers are independent: update them in parallel (each is I/O-bound: publish, conditional write).
        Map<String, Future<CustomerUpdater.Outcome>> running = new LinkedHashMap<>();
        byCustomer.forEach((key, chunks) -> running.put(key,
                workers.submit(() -> updater.update(key, chunks, profiles.get(key)))));
        int updated = 0;
        int changes = 0;
        Map<String, FunnelAdditions> funnelByApp = new TreeMap<>();
        for (Map.Entry<String, Future<CustomerUpdater.Outcome>> customer : running.entrySet()) {
            try {
                CustomerUpdater.Outcome outcome = customer.getValue().get();
                updated += outcome.written() ? 1 : 0;
                changes += outcome.stageChanges();
                funnelByApp.merge(TableKeys.appOf(customer.getKey()), FunnelAdditions.NONE.plus(
                        TableKeys.customerOf(customer.getKey()), outcome.funnelReached()), FunnelAdditions::plus);
            } catch (ExecutionException e) {
                log.warn(batchId, "customer not updated", "customerKey", customer.getKey(),
                        "error", e.getCause().toString());
                byCustomer.get(customer.getKey()).forEach(r -> failures.add(failure(r.sequenceNumber())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while updating customers", e);
            }
        }
        countFunnel(batchId, funnelByApp);
        log.info(batchId, "stream batch folded", "records", records.size(), "customers",
                byCustomer.size(), "profilesWritten", updated, "stageChanges", changes, "skipped", skipped,
                "failedRecords", failures.size());
        return Map.of("batchItemFailures", failures);
    }

    /**
     * The batch's funnel steps, one write per app and day, after the profiles that record them were
     * written: failing the batch for it would not help, as the redelivered records advance nothing.
     */
    private void countFunnel(String batchId, Map<String, FunnelAdditions> byApp) {
        byApp.forEach((appId, additions) -> {
            try {
                funnel.add(appId, additions);
            } catch (RuntimeException e) {
                log.warn(batchId, "funnel additions lost", "appId", appId, "error", e.toString());
            }
        });
    }

    private static Map<String, Object> failure(String sequenceNumber) {
        Map<String, Object> failure = new LinkedHashMap<>();
        failure.put("itemIdentifier", sequenceNumber);
        return failure;
    }
}
