package com.mplifecycle.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mplifecycle.aws.admin.AdminKeys;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.aws.store.ProfileCodec;
import com.mplifecycle.devtools.sandbox.LocalAws;
import com.mplifecycle.devtools.template.FunctionDefinition;
import com.mplifecycle.devtools.wechat.WeChatStandIn;
import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.profile.CustomerProfile;

/**
 * Figure 6: for each function of the template, a fresh JVM with only the launcher, Lambda's
 * serialization library and the function's shaded jar on the class path, timed from process
 * spawn to the first handled event (sample events from {@code events/}), against a hello-world
 * handler jar started the same way (and a stream-handler hello world, the like of the HTTP
 * functions, for comparison). Local endpoints: DynamoDB Local, the local bus, the stand-in
 * WeChat. JVM flags as Lambda's Java runtime sets them (C1 only, serial GC).
 */
final class ColdStartBench {
    static final List<String> JVM_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xshare:auto");

    record Row(String function, String jar, long jarBytes, List<Double> ms, String note, double constructMs,
               double firstInvokeMs, long classes, List<Double> cpuMs) {
        double median() {
            return Parallel.percentile(ms, 50);
        }

        /** Median CPU time of the launched JVM up to the handled event (all its threads). */
        double medianCpu() {
            return cpuMs == null || cpuMs.isEmpty() ? Double.NaN : Parallel.percentile(cpuMs, 50);
        }
    }

    /** {@code helloStream}: the stream-handler hello world (null in runs saved before it existed). */
    record Result(Row hello, List<Row> functions, int repetitions, Row helloStream) {
    }

    /**
     * Folders of earlier builds' function jars ({@code --baseline DIR,DIR}): each jar found there is started
     * beside the current one, in the same interleaved rounds, as the row "function (folder name)".
     */
    private final List<Path> baselines;

    ColdStartBench(List<Path> baselines) {
        this.baselines = baselines;
    }

    Result run(int repetitions) throws Exception {
        Path work = Path.of("bench/target/coldstart");
        Files.createDirectories(work);
        Path classes = Path.of("bench/target/classes");
        Path launcherJar = jar(work.resolve("launcher.jar"), classes, "com/mplifecycle/bench/coldstart/Launcher.class");
        Path helloJar = jar(work.resolve("hello.jar"), classes, "com/mplifecycle/bench/coldstart/HelloHandler.class");
        Path helloStreamJar = jar(work.resolve("hello-stream.jar"), classes,
                "com/mplifecycle/bench/coldstart/HelloStreamHandler.class");
        // what Lambda's Java runtime brings itself: its serialization library (and joda-time, which that
        // library's event mixins load); both are on every class path here, hello world's included
        String serialization = classPathEntry("aws-lambda-java-serialization") + File.pathSeparator
                + classPathEntry("joda-time");
        String lambdaCore = classPathEntry("aws-lambda-java-core");
        Clock clock = Clock.systemUTC();
        try (LocalAws aws = LocalAws.start(); LocalBus bus = new LocalBus(aws);
             WeChatStandIn wechat = WeChatStandIn.start(Instant::now, 0)) {
            wechat.registerApp("wxbench000000000", "bench-secret");
            Workload workload = new Workload(1, 99, clock);
            String adminKey = "bench-admin-key-0123456789abcdef";
            new AdminKeys(aws.client(), aws.names().valueOf("AppsTable"), clock).register(Workload.APP, adminKey);

            Map<String, String> events = new LinkedHashMap<>();
            events.put("SessionFunction", Files.readString(Path.of("events/session.json")));
            Workload.Customer c = workload.customers().get(0);
            events.put("IngestFunction", workload.request(c, 12).eventJson());
            events.put("LifecycleFunction", Files.readString(Path.of("events/lifecycle-stream.json")));
            events.put("RfmFunction", Json.write(Map.of("version", "0", "id", "bench", "detail-type", "Scheduled Event",
                    "source", "aws.scheduler", "account", "000000000000", "time", "2026-03-01T19:00:00Z",
                    "region", "us-east-1", "resources", List.of(), "detail", Map.of())));
            ObjectNode admin = (ObjectNode) Json.MAPPER.readTree(workload.apiEvent("", adminKey, "admin"));
            admin.put("routeKey", "GET /v1/apps/{appId}/customers/{customerId}");
            admin.put("rawPath", "/v1/apps/demo/customers/" + c.customerId());
            admin.remove("body");
            admin.putObject("pathParameters").put("appId", Workload.APP).put("customerId", c.customerId());
            ((ObjectNode) admin.get("requestContext").get("http")).put("method", "GET");
            events.put("AdminFunction", admin.toString());
            // the event path of dispatch (a stage change from the bus): the one a customer waits on, for a
            // customer whose profile shows the change (else dispatch waits for the lifecycle's write to land)
            Instant changedAt = Instant.parse("2026-03-01T19:00:00Z");
            aws.client().putItem(b -> b.tableName(aws.names().valueOf("ProfilesTable")).item(ProfileCodec.item(
                    CustomerProfile.empty(Workload.APP, c.customerId()).toBuilder().stage(Stage.NEW, changedAt)
                            .firstSeenAt(changedAt).lastActiveAt(changedAt).version(1).build())));
            events.put("DispatchFunction", Json.write(Map.of("version", "0", "id", "bench", "detail-type",
                    "CustomerStageChanged", "source", "mplifecycle.lifecycle", "account", "000000000000",
                    "time", "2026-03-01T19:00:00Z", "region", "us-east-1", "resources", List.of(),
                    "detail", Map.of("appId", Workload.APP, "customerId", c.customerId(), "to", "NEW",
                            "at", "2026-03-01T19:00:00Z", "reason", "first event"))));

            List<String> ids = new ArrayList<>();
            Map<String, Path> eventFiles = new LinkedHashMap<>();
            Map<String, Path> envFiles = new LinkedHashMap<>();
            Map<String, Path> jars = new LinkedHashMap<>();
            Map<String, String> notes = new LinkedHashMap<>();
            for (FunctionDefinition f : aws.functions().values()) {
                Path jar = shadedJar(f.codeUri());
                if (jar == null) {
                    notes.put(f.logicalId(), "no *-lambda.jar under " + f.codeUri() + "/target");
                    continue;
                }
                jars.put(f.logicalId(), jar);
                if (!events.containsKey(f.logicalId())) {
                    notes.put(f.logicalId(), "no sample event");
                    continue;
                }
                Path ev = work.resolve(f.logicalId() + ".json");
                Files.writeString(ev, events.get(f.logicalId()));
                Properties p = new Properties();
                p.putAll(aws.environment(f.logicalId()));
                p.put(FunctionEnv.LOCAL_SECRETS_JSON, Workload.secretsJson());
                p.put(FunctionEnv.WECHAT_BASE_URL, wechat.baseUrl().toString());
                Path envFile = work.resolve(f.logicalId() + ".properties");
                try (OutputStream out = Files.newOutputStream(envFile)) {
                    p.store(out, null);
                }
                ids.add(f.logicalId());
                eventFiles.put(f.logicalId(), ev);
                envFiles.put(f.logicalId(), envFile);
                for (Path dir : baselines) {
                    Path old = dir.resolve(jar.getFileName());
                    if (Files.isRegularFile(old)) {
                        String id = baselineId(f.logicalId(), dir);
                        ids.add(id);
                        jars.put(id, old);
                        eventFiles.put(id, ev);
                        envFiles.put(id, envFile);
                    }
                }
            }
            Path helloEvent = eventFiles.getOrDefault("IngestFunction", work.resolve("IngestFunction.json"));
            Path emptyEnv = work.resolve("hello.properties");
            Files.writeString(emptyEnv, "");
            Map<String, List<Double>> times = new LinkedHashMap<>();
            times.put("hello", new ArrayList<>());
            times.put("helloStream", new ArrayList<>());
            ids.forEach(id -> times.put(id, new ArrayList<>()));
            String helloPath = String.join(File.pathSeparator, launcherJar.toString(), serialization,
                    helloJar.toString(), lambdaCore);
            // one untimed round first: the page cache holds the jars and the endpoints (DynamoDB Local in this
            // JVM) have served each call once, as AWS's endpoints always have
            String helloStreamPath = String.join(File.pathSeparator, launcherJar.toString(), serialization,
                    helloStreamJar.toString(), lambdaCore);
            spawn(HELLO, helloPath, HELLO, helloEvent, emptyEnv);
            spawn(HELLO_STREAM, helloStreamPath, HELLO_STREAM, helloEvent, emptyEnv);
            for (String id : ids) {
                spawn(id, String.join(File.pathSeparator, launcherJar.toString(), serialization,
                        jars.get(id).toString()), handlerOf(aws, id), eventFiles.get(id), envFiles.get(id));
            }
            cpu.clear();
            for (int rep = 0; rep < repetitions; rep++) {
                times.get("hello").add(spawn(HELLO, helloPath, HELLO, helloEvent, emptyEnv));
                times.get("helloStream").add(spawn(HELLO_STREAM, helloStreamPath, HELLO_STREAM, helloEvent, emptyEnv));
                for (String id : ids) {
                    times.get(id).add(spawn(id, String.join(File.pathSeparator, launcherJar.toString(),
                            serialization, jars.get(id).toString()), handlerOf(aws, id), eventFiles.get(id),
                            envFiles.get(id)));
                }
            }
            double[] hp = phases.getOrDefault(HELLO, new double[3]);
            Row hello = new Row("hello world", helloJar.toString(), Files.size(helloJar), times.get("hello"), "",
                    hp[0], hp[1], (long) hp[2], cpu.getOrDefault(HELLO, List.of()));
            double[] hsp = phases.getOrDefault(HELLO_STREAM, new double[3]);
            Row helloStream = new Row("hello world, stream handler", helloStreamJar.toString(),
                    Files.size(helloStreamJar), times.get("helloStream"), "", hsp[0], hsp[1], (long) hsp[2],
                    cpu.getOrDefault(HELLO_STREAM, List.of()));
            List<Row> rows = new ArrayList<>();
            for (FunctionDefinition f : aws.functions().values()) {
                Path jar = jars.get(f.logicalId());
                double[] p = phases.getOrDefault(f.logicalId(), new double[3]);
                rows.add(new Row(f.logicalId(), jar == null ? "-" : jar.toString(), jar == null ? 0 : Files.size(jar),
                        times.getOrDefault(f.logicalId(), List.of()), notes.getOrDefault(f.logicalId(), ""),
                        p[0], p[1], (long) p[2], cpu.getOrDefault(f.logicalId(), List.of())));
                for (Path dir : baselines) {
                    String old = baselineId(f.logicalId(), dir);
                    if (jars.containsKey(old)) {
                        double[] bp = phases.getOrDefault(old, new double[3]);
                        rows.add(new Row(old, jars.get(old).toString(), Files.size(jars.get(old)), times.get(old),
                                "baseline", bp[0], bp[1], (long) bp[2], cpu.getOrDefault(old, List.of())));
                    }
                }
            }
            return new Result(hello, rows, repetitions, helloStream);
        }
    }

    private static final String HELLO = "com.mplifecycle.bench.coldstart.HelloHandler";
    private static final String HELLO_STREAM = "com.mplifecycle.bench.coldstart.HelloStreamHandler";

    /** Last run's phases per row (function id, or hello handler): construct ms, first invoke ms, classes loaded. */
    private final Map<String, double[]> phases = new LinkedHashMap<>();
    private int spawns;
    /** CPU ms of the launched JVM up to the handled event, per row, every timed run. */
    private final Map<String, List<Double>> cpu = new LinkedHashMap<>();

    private static String baselineId(String logicalId, Path dir) {
        return logicalId + " (" + dir.getFileName() + ")";
    }

    /** The handler class of a row: its function's, for a baseline row too. */
    private static String handlerOf(LocalAws aws, String id) {
        int space = id.indexOf(' ');
        return aws.functions().get(space < 0 ? id : id.substring(0, space)).handlerClass();
    }

    private double spawn(String key, String classPath, String handler, Path event, Path env) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM_FLAGS);
        // profiling hook, e.g. -Dbench.coldstart.jvmArgs="-Xlog:class+load:file=bench/target/coldstart/{handler}.classes";
        // {run} numbers the starts, to keep one file per start
        String extra = System.getProperty("bench.coldstart.jvmArgs", "").trim();
        spawns++;
        if (!extra.isEmpty()) {
            for (String arg : extra.split("\\s+")) {
                cmd.add(arg.replace("{handler}", handler.substring(handler.lastIndexOf('.') + 1))
                        .replace("{run}", Integer.toString(spawns)));
            }
        }
        cmd.addAll(List.of("-cp", classPath, "com.mplifecycle.bench.coldstart.Launcher", handler, event.toString(),
                env.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(Path.of("bench/target/coldstart", handler + ".err").toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        double ms = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("HANDLED")) {
                    ms = (System.nanoTime() - t0) / 1e6;
                    String[] f = line.split(" ");
                    if (f.length > 2 && !f[2].startsWith("-")) {
                        cpu.computeIfAbsent(key, k -> new ArrayList<>()).add(Double.parseDouble(f[2]));
                    }
                } else if (line.startsWith("PHASES ")) {
                    String[] f = line.split(" ");
                    phases.put(key, new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                            Double.parseDouble(f[3])});
                }
            }
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        if (ms < 0) {
            throw new IllegalStateException(handler + " did not handle its event (exit " + p.exitValue() + "): "
                    + String.join(" ", cmd));
        }
        return ms;
    }

    private static Path shadedJar(String codeUri) throws IOException {
        Path target = Path.of(codeUri, "target");
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-lambda.jar")).findFirst().orElse(null);
        }
    }

    private static String classPathEntry(String artifact) {
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (Path.of(e).getFileName().toString().startsWith(artifact + "-")) {
                return e;
            }
        }
        throw new IllegalStateException(artifact + " not on the class path");
    }

    private static Path jar(Path jar, Path classes, String... entries) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String entry : entries) {
                out.putNextEntry(new JarEntry(entry));
                out.write(Files.readAllBytes(classes.resolve(entry)));
                out.closeEntry();
            }
        }
        return jar;
    }
}
