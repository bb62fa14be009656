package com.mplifecycle.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the figures of issue 9 and rewrites BENCHMARKS.md. Started by {@code ./bench/run}.
 * Options: {@code --quick} (small sizes, for development), {@code --figures 1,4,6} (a subset; the
 * others are reported as not run), {@code --rfm-customers N}, {@code --rfm-scan-workers N} (the RFM
 * function's scan workers and the bare scan's, 4 by default), {@code --out FILE}, {@code --from RESULTS.json},
 * {@code --baseline DIR,DIR} (figure 6: function jars of earlier builds, e.g. main's, started beside the current ones).
 */
public final class BenchMain {
    static PrintStream console;

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        Set<Integer> figures = new LinkedHashSet<>(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11));
        int rfmCustomers = 100_000;
        int rfmScanWorkers = 4;
        Path out = Path.of("BENCHMARKS.md");
        List<Path> baseline = new ArrayList<>();
        String command = System.getProperty("bench.command", "./bench/run " + String.join(" ", args));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--figures" -> {
                    figures.clear();
                    Arrays.stream(args[++i].split(",")).map(String::trim).map(Integer::parseInt).forEach(figures::add);
                }
                case "--rfm-customers" -> rfmCustomers = Integer.parseInt(args[++i]);
                case "--rfm-scan-workers" -> rfmScanWorkers = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--baseline" -> Arrays.stream(args[++i].split(",")).map(Path::of).forEach(baseline::add);
                case "--from" -> {
                    // regenerate the report from a saved run, measuring nothing
                    Path saved = Path.of(args[++i]);
                    Report.Results results = com.mplifecycle.aws.json.Json.MAPPER.readValue(saved.toFile(),
                            Report.Results.class);
                    Path target = i + 2 < args.length && args[i + 1].equals("--out") ? Path.of(args[i + 2]) : out;
                    Files.writeString(target, Report.of(results).markdown());
                    System.out.println("wrote " + target.toAbsolutePath() + " from " + saved);
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (quick && rfmCustomers == 100_000) {
            rfmCustomers = 5_000;
        }
        run(quick, figures, rfmCustomers, rfmScanWorkers, out, command, baseline);
    }

    private static void run(boolean quick, Set<Integer> figures, int rfmCustomers, int rfmScanWorkers, Path out,
                            String command, List<Path> baseline)
            throws Exception {
        console = System.out;
        LogSink logs = new LogSink();
        System.setOut(logs);
        Report report = new Report(command, quick, Machine.describe());
        Instant started = Instant.now();
        boolean needIngest = figures.contains(1) || figures.contains(2) || figures.contains(3);
        boolean needLifecycle = figures.contains(2) || figures.contains(3) || figures.contains(4);

        if (figures.contains(6)) {
            step("6 cold start", () -> report.coldStart = new ColdStartBench(baseline).run(quick ? 1 : 5));
        }
        if (needIngest) {
            step("1 ingest", () -> report.ingest = new IngestBench(logs).run(4, quick ? 1000 : 2000, quick ? 3 : 10,
                    quick ? 300 : 1000));
        }
        if (needLifecycle) {
            step("4 lifecycle end to end", () -> report.lifecycle = new LifecycleBench().run(quick ? 600 : 3000,
                    quick ? 60 : 300, false));
            step("2 lifecycle capacity", () -> report.lifecycleCapacity = new LifecycleBench().run(quick ? 600 : 3000,
                    quick ? 60 : 300, true));
        }
        if (figures.contains(4)) {
            step("4 fold (JMH)", () -> report.fold = jmh(quick));
        }
        if (figures.contains(7)) {
            step("7 dispatch", () -> report.dispatch = new DispatchBench().run(quick ? 300 : 2000, quick ? 2 : 3));
        }
        if (figures.contains(8)) {
            step("8 reaction time", () -> report.reaction = new ReactionBench().run(quick ? 100 : 1000, 20));
        }
        if (figures.contains(10)) {
            step("10 sweep with nothing due", () -> report.sweep = new SweepBench().run(quick ? 10_000 : 100_000, 3));
            step("10 campaign launch", () -> report.launch = new LaunchBench().run(quick ? 1_000 : 5_000, 100, 1));
        }
        int customers = rfmCustomers;
        if (figures.contains(11)) {
            step("11 loyalty", () -> report.loyalty = new LoyaltyBench().run(quick ? 100 : 500, 8, 4, quick ? 25 : 100));
        }
        if (figures.contains(5) || figures.contains(9)) {
            step("5 rfm", () -> report.rfm = new RfmBench().run(customers, rfmScanWorkers));
        }
        report.figures = figures;
        report.seconds = ChronoUnit.SECONDS.between(started, Instant.now());
        report.loadAtEnd = Machine.loadAverage();
        Path saved = Path.of("bench/target/bench-results.json");
        try {
            com.mplifecycle.aws.json.Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(saved.toFile(), report.results());
        } catch (Exception e) {
            console.println("[bench] results not saved: " + e);
        }
        Files.writeString(out, report.markdown());
        console.println("wrote " + out.toAbsolutePath() + " in " + report.seconds + " s; load average " + report.loadAtEnd);
        System.exit(0);
    }

    interface Step {
        void run() throws Exception;
    }

    private static void step(String name, Step step) {
        long t0 = System.nanoTime();
        console.println("[bench] " + name + " ... (load " + Machine.loadAverage() + ")");
        try {
            step.run();
            console.printf(Locale.ROOT, "[bench] %s done in %.1f s%n", name, (System.nanoTime() - t0) / 1e9);
        } catch (Throwable e) {
            console.println("[bench] " + name + " FAILED: " + e);
            e.printStackTrace(console);
            Report.failures.add(name + ": " + e);
        }
    }

    static Report.Fold jmh(boolean quick) throws Exception {
        Options options = new OptionsBuilder()
                .include(FoldBenchmark.class.getName())
                .forks(1)
                .warmupIterations(quick ? 1 : 2).warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 2 : 3).measurementTime(TimeValue.seconds(1))
                .threads(1)
                .jvmArgsAppend("-Xmx1g")
                .output(Path.of("bench/target/jmh-fold.txt").toString())
                .build();
        List<RunResult> results = new ArrayList<>(new Runner(options).run());
        var primary = results.get(0).getPrimaryResult();
        return new Report.Fold(primary.getScore() * FoldBenchmark.EVENTS, primary.getScoreError() * FoldBenchmark.EVENTS,
                FoldBenchmark.EVENTS, quick ? "1 fork, 1x1 s warm-up, 2x1 s measurement" : "1 fork, 2x1 s warm-up, 3x1 s measurement");
    }

    static String jvm() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + ", "
                + ManagementFactory.getRuntimeMXBean().getInputArguments();
    }
}
