package com.mplifecycle.local;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.domain.campaign.DefaultCampaigns;

import com.mplifecycle.local.demo.DemoDriver;
import com.mplifecycle.local.demo.DemoSummary;
import com.mplifecycle.local.demo.LoyaltySummary;
import com.mplifecycle.local.demo.NextSteps;
import com.mplifecycle.local.runtime.LocalRuntime;
import com.mplifecycle.local.runtime.RuntimeOptions;

/** {@code ./run-local}: starts the whole template locally and drives the demo through it. */
public final class LocalMain {
    private LocalMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        if (args.length > 0 && args[0].equals("analyze")) {
            System.exit(com.mplifecycle.local.analyze.AnalyzeCommand.run(Arrays.asList(args).subList(1, args.length),
                    out, System.err));
            return;
        }
        if (args.length > 0 && args[0].equals("default-campaigns")) {
            System.exit(com.mplifecycle.local.campaigns.DefaultCampaignsCommand.run(
                    Arrays.asList(args).subList(1, args.length), out, System.err));
            return;
        }
        if (args.length > 0 && args[0].equals("admin-key")) {
            System.exit(com.mplifecycle.local.adminkey.AdminKeyCommand.run(Arrays.asList(args).subList(1, args.length),
                    out, System.err));
            return;
        }
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(com.mplifecycle.local.importer.ImportCommand.run(Arrays.asList(args).subList(1, args.length),
                    out, System.err));
            return;
        }
        List<String> flags = new ArrayList<>(Arrays.asList(args));
        boolean exitAfterDemo = flags.remove("--exit"); // for timing the demo: `time ./run-local --exit`
        RuntimeOptions options;
        try {
            options = parse(flags);
        } catch (IllegalArgumentException e) {
            System.err.println("run-local: " + e.getMessage());
            System.err.println("usage: ./run-local [--port N] [--no-demo] [--demo-customers N] [--demo-days D]"
                    + " [--admin-key KEY] [--data DIR] [--dynamodb-faults] [--exit]");
            System.exit(2);
            return;
        }
        long started = System.nanoTime();
        // Functions log JSON lines to stdout as in Lambda; locally they go to a file, the console keeps the demo.
        Path logFile = Path.of(".local-data", "functions.log");
        java.nio.file.Files.createDirectories(logFile.getParent());
        System.setOut(new PrintStream(new java.io.FileOutputStream(logFile.toFile(), true), true,
                java.nio.charset.StandardCharsets.UTF_8));
        LocalRuntime runtime = LocalRuntime.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            stopped.countDown();
        }));
        out.printf("Local runtime up in %.1f s on %s%n", (System.nanoTime() - started) / 1e9, runtime.apiUrl());
        out.println("  health:    " + runtime.apiUrl() + "/_local/health");
        out.println("  logs:      " + logFile + " (one JSON line per function event)");
        out.println("  app:       " + LocalRuntime.DEMO_APP + " (" + LocalRuntime.DEMO_ZONE + ")");
        out.println("  admin key: " + runtime.adminKey() + "  (app " + LocalRuntime.DEMO_APP + ")");
        out.println("  console:   " + runtime.apiUrl() + "/console/");
        long failed = 0;
        if (options.demo()) {
            out.printf("Demo: %d simulated customers over %d days%n", options.demoCustomers(), options.demoDays());
            long demoStart = System.nanoTime();
            ZoneId zone = LocalRuntime.DEMO_ZONE;
            DemoDriver demo = new DemoDriver(URI.create(runtime.apiUrl()), zone, out, runtime.adminKey());
            failed = demo.run(LocalRuntime.DEMO_APP, runtime.adminKey(), options.demoCustomers(), options.demoDays(), 42);
            out.printf("Demo finished in %.1f s, %d failed requests%n", (System.nanoTime() - demoStart) / 1e9, failed);
            runtime.drain(Duration.ofSeconds(30));
            Map<String, JsonNode> campaignStatistics = new TreeMap<>();
            for (String id : DefaultCampaigns.json().keySet()) {
                campaignStatistics.put(id, demo.campaignStatistics(LocalRuntime.DEMO_APP, id, runtime.adminKey()));
            }
            DemoSummary.print(runtime.profilesClient(), runtime.profilesTable(), LocalRuntime.DEMO_APP, zone,
                    java.time.LocalDate.ofInstant(runtime.clock().instant(), zone),
                    demo.segmentCounts(LocalRuntime.DEMO_APP, runtime.adminKey()), campaignStatistics, out);
            LoyaltySummary.print(runtime.profilesClient(), runtime.tableName("LoyaltyTable"), LocalRuntime.DEMO_APP,
                    demo.loyaltyStatistics(LocalRuntime.DEMO_APP, runtime.adminKey()), out);
            DemoSummary.printSharingAndFeedback(demo.sharingStatistics(LocalRuntime.DEMO_APP, runtime.adminKey()),
                    demo.feedbackStatistics(LocalRuntime.DEMO_APP, runtime.adminKey()), out);
            // the console closes the list: its line below (console/with-runtime waits for it)
            NextSteps.lines(runtime.apiUrl(), LocalRuntime.DEMO_APP, runtime.adminKey(), null,
                    campaignStatistics.entrySet().stream().filter(e -> e.getValue() != null).map(Map.Entry::getKey)
                            .findFirst().orElse(campaignStatistics.keySet().iterator().next())).forEach(out::println);
        }
        out.println("Operators' console: " + runtime.apiUrl() + "/console/  (app " + LocalRuntime.DEMO_APP
                + ", admin key " + runtime.adminKey() + ")");
        if (exitAfterDemo) {
            System.exit(failed == 0 ? 0 : 1); // the shutdown hook closes the runtime
        }
        out.println("Running. Ctrl-C stops.");
        stopped.await();
    }

    static RuntimeOptions parse(List<String> args) {
        RuntimeOptions d = RuntimeOptions.defaults();
        int port = d.port();
        boolean demo = d.demo();
        int customers = d.demoCustomers();
        int days = d.demoDays();
        String adminKey = null;
        Path data = null;
        boolean dynamoFaults = false;
        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String flag = rest.remove(0);
            switch (flag) {
                case "--port" -> port = positive(value(rest, flag), flag);
                case "--no-demo" -> demo = false;
                case "--demo-customers" -> customers = positive(value(rest, flag), flag);
                case "--demo-days" -> days = positive(value(rest, flag), flag);
                case "--admin-key" -> adminKey = value(rest, flag);
                case "--data" -> data = Path.of(value(rest, flag));
                case "--dynamodb-faults" -> dynamoFaults = true;
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        return new RuntimeOptions(port, demo, customers, days, adminKey, data, dynamoFaults);
    }

    private static String value(List<String> rest, String flag) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return rest.remove(0);
    }

    private static int positive(String v, String flag) {
        try {
            int n = Integer.parseInt(v);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a positive number");
        }
    }
}
