package com.mplifecycle.local.runtime;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mplifecycle.aws.admin.AdminKeys;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.CampaignStore;
import com.mplifecycle.devtools.events.LocalEventBus;
import com.mplifecycle.devtools.faults.FaultyDynamoDbProxy;
import com.mplifecycle.devtools.secrets.SecretsManagerStandIn;
import com.mplifecycle.devtools.streams.StreamEventSource;
import com.mplifecycle.devtools.streams.StreamSourceConfig;
import com.mplifecycle.devtools.template.FunctionDefinition;
import com.mplifecycle.devtools.template.IntrinsicResolver;
import com.mplifecycle.devtools.template.SamTemplate;
import com.mplifecycle.devtools.wechat.WeChatStandIn;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.campaign.DefaultCampaigns;
import com.mplifecycle.local.clock.ControllableClock;
import com.mplifecycle.local.http.HttpApiServer;
import com.mplifecycle.local.http.HttpRoute;
import com.mplifecycle.local.schedule.LocalScheduler;
import com.mplifecycle.local.schedule.ScheduleExpression;

/**
 * Runs the whole template in this JVM: tables and streams in DynamoDB Local, the HTTP API, the
 * EventBridge bus and its rules, schedules on a controllable clock and a stand-in WeChat. Every
 * function, route, stream, rule and schedule comes from {@code template.yaml}; nothing here lists
 * functions of its own. The functions, the HTTP API, the stream pollers, the schedules and WeChat are
 * always here; where the tables, streams, buses and queues live is a {@link RuntimeAws} (by default
 * {@link InProcessAws}).
 */
public final class LocalRuntime implements AutoCloseable {
    static {
        // The JDK HTTP server writes headers and body separately; without TCP_NODELAY, Nagle's
        // algorithm and delayed ACKs add ~40 ms to every keep-alive request. Read once, at its first use.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public static final String DEMO_APP = "demo";
    /** The demo app's time zone. */
    public static final ZoneId DEMO_ZONE = ZoneId.of("Asia/Shanghai");
    public static final String DEMO_WECHAT_APP_ID = "wxdemo0000000000";

    /** The name of the secret of the local Secrets Manager (the functions get its ARN as SECRETS_ARN). */
    public static final String SECRET_NAME = "mplifecycle/local";

    private final ControllableClock clock = new ControllableClock();
    private final RuntimeAws aws;
    private final WeChatStandIn wechat;
    private final SecretsManagerStandIn secretsManager;
    private final String secretArn;
    private final LocalScheduler scheduler;
    private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
    private final Map<String, List<String>> triggers = new LinkedHashMap<>();
    private final List<StreamEventSource> streams = new ArrayList<>();
    private final List<HttpRoute> routes = new ArrayList<>();
    private final HttpApiServer http;
    private final String adminKey;
    private static final String EVENTS_TABLE = "EventsTable";
    private SubscriptionTwin subscriptions;

    private LocalRuntime(SamTemplate template, RuntimeOptions options, RuntimeAws.Factory backend)
            throws IOException {
        aws = backend.start(template, clock);
        wechat = WeChatStandIn.start(clock::instant, 0);
        String appSecret = randomHex(16);
        wechat.registerApp(DEMO_WECHAT_APP_ID, appSecret);
        adminKey = options.adminKey() != null ? options.adminKey() : "demo-admin-" + randomHex(12);
        // The functions read their secret as deployed: through the SDK from a Secrets Manager, here a local
        // one that `aws secretsmanager put-secret-value --endpoint-url` changes while the runtime runs.
        secretsManager = SecretsManagerStandIn.start(clock);
        secretArn = secretsManager.put(SECRET_NAME, Json.write(Map.of("tokenSigningKey", randomHex(32), "apps",
                Map.of(DEMO_APP, Map.of("wechatAppId", DEMO_WECHAT_APP_ID, "appSecret", appSecret)))));
        scheduler = new LocalScheduler(clock);
        IntrinsicResolver resolver = aws.names().resolver();
        for (FunctionDefinition f : FunctionDefinition.all(template).values()) {
            Map<String, String> env = new LinkedHashMap<>(aws.environment(f.logicalId()));
            if (env.containsKey(FunctionEnv.SECRETS_ARN)) {
                env.put(FunctionEnv.SECRETS_ARN, secretArn);
                env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secretsManager.uri().toString());
            }
            env.put(FunctionEnv.WECHAT_BASE_URL, wechat.baseUrl().toString());
            functions.put(f.logicalId(), LocalFunction.create(f, env, clock));
            f.events().forEach((name, event) -> wire(f, name, event, resolver));
        }
        String appsTable = aws.names().valueOf("AppsTable");
        new AppStore(aws.dynamoDb(), appsTable, clock).putSettings(new AppSettings(DEMO_APP,
                DEMO_ZONE, AppSettings.defaults(DEMO_APP).lifecycle()));
        new AdminKeys(aws.dynamoDb(), appsTable, clock).register(DEMO_APP, adminKey);
        CampaignStore campaigns = new CampaignStore(aws.dynamoDb(), appsTable);
        if (options.demo() && campaigns.list(DEMO_APP).isEmpty()) {
            // The seed scenarios as the demo app's starting campaign set (an operator edits them via the admin API).
            DefaultCampaigns.campaigns().forEach(c -> campaigns.put(DEMO_APP, c));
        }
        streams.forEach(StreamEventSource::start);
        scheduler.start();
        http = new HttpApiServer(options.port(), routes, this::invoke, new ControlEndpoints(this), clock);
    }

    public static LocalRuntime start(RuntimeOptions options) throws IOException {
        return start(SamTemplate.load(SamTemplate.locate()), options);
    }

    public static LocalRuntime start(SamTemplate template, RuntimeOptions options) throws IOException {
        return start(template, options, (t, clock) -> InProcessAws.start(t, clock, options));
    }

    /** Runs the template against the tables, streams, buses and queues {@code aws} starts. */
    public static LocalRuntime start(SamTemplate template, RuntimeOptions options, RuntimeAws.Factory aws)
            throws IOException {
        return new LocalRuntime(template, options, aws);
    }

    @SuppressWarnings("unchecked")
    private void wire(FunctionDefinition f, String name, Map<String, Object> event, IntrinsicResolver resolver) {
        String type = (String) event.get("Type");
        Map<String, Object> props = (Map<String, Object>) resolver.resolve(event.getOrDefault("Properties", Map.of()));
        List<String> list = triggers.computeIfAbsent(f.logicalId(), k -> new ArrayList<>());
        switch (type) {
            case "HttpApi" -> {
                HttpRoute route = new HttpRoute((String) props.get("Method"), (String) props.get("Path"), f.logicalId());
                routes.add(route);
                list.add("HttpApi " + route.routeKey());
            }
            case "DynamoDB" -> {
                Map<String, Object> raw = (Map<String, Object>) ((Map<String, Object>) event.get("Properties"))
                        .get("Stream");
                String table = String.valueOf(((List<Object>) raw.get("Fn::GetAtt")).get(0));
                String arn = aws.dynamoDb().describeTable(b -> b.tableName(table)).table().latestStreamArn();
                List<Object> responseTypes = (List<Object>) props.getOrDefault("FunctionResponseTypes", List.of());
                StreamSourceConfig config = new StreamSourceConfig(table, arn, integer(props, "BatchSize", 100),
                        integer(props, "MaximumBatchingWindowInSeconds", 0),
                        (String) props.getOrDefault("StartingPosition", "TRIM_HORIZON"),
                        responseTypes.contains("ReportBatchItemFailures"),
                        Boolean.TRUE.equals(props.get("BisectBatchOnFunctionError")),
                        integer(props, "MaximumRetryAttempts", -1), integer(props, "MaximumRecordAgeInSeconds", -1),
                        f.logicalId(), "us-east-1");
                Map<String, Object> destinations = (Map<String, Object>) props.getOrDefault("DestinationConfig",
                        Map.of());
                Map<String, Object> onFailure = (Map<String, Object>) destinations.getOrDefault("OnFailure", Map.of());
                streams.add(StreamEventSource.create(config, aws.streams(), json -> invoke(f.logicalId(), json),
                        aws.onFailureDestination((String) onFailure.get("Destination"))));
                list.add("DynamoDB stream of " + table);
                if (table.equals(EVENTS_TABLE) && subscriptions == null) {
                    // The stand-in WeChat learns the users' accepts from the same stream (see SubscriptionTwin).
                    subscriptions = new SubscriptionTwin(wechat);
                    streams.add(StreamEventSource.create(new StreamSourceConfig(table, arn, 100, 0, "TRIM_HORIZON",
                            false, false, 2, -1, "WeChatSubscriptions", "us-east-1"), aws.streams(),
                            subscriptions::accept));
                }
            }
            case "EventBridgeRule" -> {
                String busName = (String) props.getOrDefault("EventBusName", LocalEventBus.DEFAULT_BUS);
                Map<String, Object> retry = (Map<String, Object>) props.getOrDefault("RetryPolicy", Map.of());
                aws.addRule(f.logicalId() + "-" + name, busName, Json.write(props.get("Pattern")),
                        integer(retry, "MaximumRetryAttempts", LocalEventBus.DEFAULT_MAXIMUM_RETRY_ATTEMPTS),
                        envelope -> invoke(f.logicalId(), envelope));
                list.add("EventBridgeRule on " + busName);
            }
            case "Schedule", "ScheduleV2" -> {
                String expression = (String) props.get("Schedule") != null ? (String) props.get("Schedule")
                        : (String) props.get("ScheduleExpression");
                String zone = (String) props.get("ScheduleExpressionTimezone");
                String input = props.get("Input") == null ? null : String.valueOf(props.get("Input"));
                scheduler.register(f.logicalId(), ScheduleExpression.parse(expression, zone),
                        at -> invoke(f.logicalId(), input != null ? input : scheduledEvent(at)));
                list.add(type + " " + expression + (zone == null ? "" : " " + zone));
            }
            default -> list.add(type + " (not run locally)");
        }
    }

    private static String scheduledEvent(Instant at) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("version", "0");
        e.put("id", java.util.UUID.randomUUID().toString());
        e.put("detail-type", "Scheduled Event");
        e.put("source", "aws.scheduler");
        e.put("account", "000000000000");
        e.put("time", at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        e.put("region", "us-east-1");
        e.put("resources", List.of());
        e.put("detail", Map.of());
        return Json.write(e);
    }

    /** Invokes a function with an event JSON; returns the response JSON. */
    public String invoke(String logicalId, String eventJson) {
        LocalFunction f = functions.get(logicalId);
        if (f == null) {
            throw new IllegalArgumentException("no function " + logicalId);
        }
        return f.invoke(eventJson);
    }

    /** Waits until stream pollers, bus deliveries and schedules are idle; false after the timeout. */
    public boolean drain(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        for (int quietRounds = 0; quietRounds < 2; ) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative()) {
                return false;
            }
            boolean idle = true;
            for (StreamEventSource s : streams) {
                idle &= s.awaitIdle(left);
            }
            idle &= aws.awaitIdle(left) && scheduler.awaitIdle(left);
            quietRounds = idle ? quietRounds + 1 : 0;
        }
        return true;
    }

    private static int integer(Map<String, Object> props, String key, int def) {
        Object v = props.get(key);
        return v == null ? def : Integer.parseInt(String.valueOf(v));
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    public int port() {
        return http.port();
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + port();
    }

    public String adminKey() {
        return adminKey;
    }

    public software.amazon.awssdk.services.dynamodb.DynamoDbClient profilesClient() {
        return aws.dynamoDb();
    }

    public String profilesTable() {
        return tableName("ProfilesTable");
    }

    /** The name of one of the template's tables in the runtime's backend. */
    public String tableName(String logicalId) {
        return aws.names().valueOf(logicalId);
    }

    public ControllableClock clock() {
        return clock;
    }

    /** The fault-injecting proxy in front of DynamoDB, when the runtime was started with one. */
    public java.util.Optional<FaultyDynamoDbProxy> dynamoFaults() {
        return aws.dynamoFaults();
    }

    public WeChatStandIn wechat() {
        return wechat;
    }

    LocalScheduler scheduler() {
        return scheduler;
    }

    URIs endpoints() {
        return new URIs(apiUrl(), aws.dynamoDbEndpoint().toString(), aws.eventsEndpoint().toString(),
                secretsManager.uri().toString(), wechat.baseUrl().toString());
    }

    record URIs(String api, String dynamodb, String events, String secretsmanager, String wechat) {
    }

    /** The ARN of the functions' secret in the local Secrets Manager ({@link #SECRET_NAME}). */
    public String secretArn() {
        return secretArn;
    }

    Map<String, LocalFunction> functions() {
        return functions;
    }

    Map<String, List<String>> triggers() {
        return triggers;
    }

    /** What the stream sources gave up on, as delivered to the on-failure destinations (Lambda's JSON). */
    public List<String> onFailureRecords() {
        return aws.onFailureRecords();
    }

    public List<com.mplifecycle.devtools.events.DeadLetter> deadLetters() {
        return aws.deadLetters();
    }

    @Override
    public void close() {
        http.close();
        scheduler.stop();
        streams.forEach(StreamEventSource::close);
        wechat.close();
        secretsManager.close();
        aws.close();
    }
}
