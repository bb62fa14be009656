package com.mplifecycle.functions.rfm;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.mplifecycle.aws.store.ModelPart;
import com.mplifecycle.aws.store.ScorePart;
import com.mplifecycle.aws.store.TallyPart;
import com.mplifecycle.aws.bus.RfmSlicePublisher;
import com.mplifecycle.aws.bus.RfmSlicePublisher.SliceRequest;
import com.mplifecycle.aws.bus.StageChangePublisher;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.aws.store.RfmRunStore;
import com.mplifecycle.aws.store.RfmRunStore.Progress;
import com.mplifecycle.aws.store.StatisticsStore;
import com.mplifecycle.domain.churn.RepeatSummarySample;
import com.mplifecycle.domain.stats.CustomerStatistics;

/**
 * The daily run fanned out over {@code totalSlices} invocations, each taking one slice
 * of the profiles ({@code threads} parallel-scan workers of {@code totalSlices × threads}, one thread each).
 *
 * <ol>
 * <li>{@link #start}: the progress item (phase TALLY), then one {@code RfmSliceRequested} per slice.
 * <li>TALLY slice: pass 1 over it, each app's {@link TallyPart} stored (a redelivery overwrites
 *     it), the slice counted done once. The invocation that completes the set merges the parts
 *     per app, fits BG/NBD, stores each app's {@link ModelPart}, requests the SCORE slices and
 *     moves the run to SCORE.
 * <li>SCORE slice: pass 2 over it with the merged scorers (writes only changed profiles,
 *     publishes decays, exactly as {@link ScoringRun#run}), each app's {@link ScorePart} stored, the
 *     slice counted once. The last one adds the parts up into each app's run record and
 *     statistics and moves the run to DONE.
 * </ol>
 * A request for a run whose set is complete but that is still in that phase (the last
 * invocation failed after counting and Lambda retries it) finishes the phase again; finishing is
 * idempotent, at worst the next phase is requested twice and its slices are redone.
 */
final class FanOutRun {
    enum Phase {
        /** Pass 1: statistics and BG/NBD samples per slice. */
        TALLY,
        /** Pass 2: scoring, decay and writes per slice. */
        SCORE,
        /** Run records written. */
        DONE;

        String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static final String MODEL = "model";

    private final ProfileStore profiles;
    private final AppStore apps;
    private final StatisticsStore statistics;
    private final StageChangePublisher decays;
    private final RfmRunStore runs;
    private final RfmSlicePublisher requests;
    private final int threads;

    FanOutRun(ProfileStore profiles, AppStore apps, StatisticsStore statistics, StageChangePublisher decays,
              RfmRunStore runs, RfmSlicePublisher requests, int threads) {
        this.profiles = profiles;
        this.apps = apps;
        this.statistics = statistics;
        this.decays = decays;
        this.runs = runs;
        this.requests = requests;
        this.threads = threads;
    }

    /**
     * How many invocations a run over about {@code customers} profiles fans out over: one per
     * {@code customersPerInvocation} started, at least 1 (run in one invocation), at most {@code max}.
     * Fanning out a small table only adds invocations, scan requests and coordination items.
     */
    static int invocationsFor(long customers, long customersPerInvocation, int max) {
        long needed = customers <= 0 ? 1 : (customers - 1) / customersPerInvocation + 1;
        return (int) Math.max(1, Math.min(max, needed));
    }

    Map<String, Object> start(Instant clockNow, int totalSlices) {
        Instant now = clockNow.truncatedTo(ChronoUnit.MILLIS); // stored parts carry times in milliseconds
        String runId = UUID.randomUUID().toString();
        runs.start(runId, now, totalSlices, Phase.TALLY.name());
        requests.requestAll(runId, Phase.TALLY.name(), totalSlices);
        return result(runId, "started", Map.of("totalSlices", totalSlices));
    }

    Map<String, Object> slice(SliceRequest request) {
        Progress run = runs.progress(request.runId()).orElse(null);
        if (run == null) {
            return result(request.runId(), "unknown run", Map.of()); // expired or never started: nothing to do
        }
        Phase phase = Phase.valueOf(request.phase());
        return phase == Phase.TALLY ? tally(run, request.slice()) : score(run, request.slice());
    }

    private Map<String, Object> tally(Progress run, int slice) {
        ScoringRun pass = engine(run);
        pass.tally(workersOf(run, slice)).forEach((appId, tally) ->
                runs.putPart(run, Phase.TALLY.key(), slice, appId, tally.part()));
        Map<String, Object> out = new LinkedHashMap<>(Map.of("phase", "TALLY", "slice", slice));
        if (completes(run, Phase.TALLY, slice)) {
            finishTally(run);
            out.put("finished", "TALLY");
        }
        return result(run.runId(), "slice done", out);
    }

    private void finishTally(Progress run) {
        Map<String, List<TallyPart>> byApp = runs.parts(run.runId(), Phase.TALLY.key(), TallyPart.class).stream()
                .collect(Collectors.groupingBy(TallyPart::appId, TreeMap::new, Collectors.toList()));
        byApp.forEach((appId, parts) -> runs.putPart(run, MODEL, -1, appId,
                AppTally.merge(apps.settingsOrDefaults(appId), run.at(), parts).model()));
        requests.requestAll(run.runId(), Phase.SCORE.name(), run.totalSlices());
        runs.advance(run.runId(), Phase.TALLY.name(), Phase.SCORE.name());
    }

    private Map<String, Object> score(Progress run, int slice) {
        Map<String, AppScorer> scorers = scorers(run);
        ScoringRun.Summary summary = engine(run).score(workersOf(run, slice), scorers);
        scorers.forEach((appId, scorer) -> runs.putPart(run, Phase.SCORE.key(), slice, appId, scorer.counts()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("phase", "SCORE");
        out.put("slice", slice);
        out.put("scanned", summary.scanned());
        out.put("written", summary.written());
        out.put("decayed", summary.decayed());
        out.put("conflicts", summary.conflicts());
        out.put("failed", summary.failed());
        out.put("elapsedMs", summary.elapsedMs());
        if (completes(run, Phase.SCORE, slice)) {
            finishScore(run);
            out.put("finished", "SCORE");
        }
        return result(run.runId(), "slice done", out);
    }

    private void finishScore(Progress run) {
        Map<String, AppScorer> scorers = scorers(run);
        Map<String, List<ScorePart>> byApp = runs.parts(run.runId(), Phase.SCORE.key(), ScorePart.class).stream()
                .collect(Collectors.groupingBy(ScorePart::appId));
        scorers.forEach((appId, scorer) -> {
            CustomerStatistics sum = scorer.customerStatistics();
            for (ScorePart part : byApp.getOrDefault(appId, List.of())) {
                scorer.add(part);
                sum = sum.plus(part.customerStatistics());
            }
            apps.putRfmRun(scorer.run());
            statistics.put(sum);
        });
        runs.advance(run.runId(), Phase.SCORE.name(), Phase.DONE.name());
    }

    /** Whether this invocation finishes the phase: it completed the set, or retries a finisher that failed. */
    private boolean completes(Progress run, Phase phase, int slice) {
        OptionalInt done = runs.markDone(run.runId(), phase.key(), slice);
        if (done.isPresent()) {
            return done.getAsInt() == run.totalSlices();
        }
        Progress now = runs.progress(run.runId()).orElseThrow();
        return now.phase().equals(phase.name()) && now.done(phase.key()) == now.totalSlices();
    }

    private Map<String, AppScorer> scorers(Progress run) {
        Map<String, AppScorer> scorers = new TreeMap<>();
        for (ModelPart merged : runs.parts(run.runId(), MODEL, ModelPart.class)) {
            scorers.put(merged.appId(), AppScorer.of(apps.settingsOrDefaults(merged.appId()), run.at(), merged));
        }
        return scorers;
    }

    /** Pass-1 samples per slice so that the merged sample keeps about the single-run capacity. */
    private ScoringRun engine(Progress run) {
        int capacity = Math.max(1, -Math.floorDiv(-RepeatSummarySample.DEFAULT_CAPACITY, run.totalSlices()));
        return new ScoringRun(profiles, apps, statistics, decays, run.totalSlices() * threads, capacity,
                ScoringRun.KEPT_BETWEEN_PASSES, run.at());
    }

    private List<Integer> workersOf(Progress run, int slice) {
        if (slice < 0 || slice >= run.totalSlices()) {
            throw new IllegalArgumentException("slice " + slice + " of " + run.totalSlices());
        }
        return IntStream.range(slice * threads, (slice + 1) * threads).boxed().collect(Collectors.toCollection(ArrayList::new));
    }

    private static Map<String, Object> result(String runId, String what, Map<String, Object> details) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("runId", runId);
        out.put("result", what);
        out.putAll(details);
        return out;
    }
}
