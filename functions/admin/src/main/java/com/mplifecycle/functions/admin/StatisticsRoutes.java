package com.mplifecycle.functions.admin;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mplifecycle.aws.http.ApiResponse;
import com.mplifecycle.aws.http.ApiResponses;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.FunnelStore;
import com.mplifecycle.aws.store.StageHistoryStore;
import com.mplifecycle.aws.store.StatisticsStore;
import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.rfm.RfmRun;
import com.mplifecycle.domain.rfm.RfmSegment;
import com.mplifecycle.domain.stats.CustomerStatistics;
import com.mplifecycle.domain.funnel.FunnelReach;
import com.mplifecycle.domain.funnel.FunnelStep;
import com.mplifecycle.domain.stats.RepurchaseMonth;
import com.mplifecycle.domain.stats.RetentionCohort;
import com.mplifecycle.domain.stats.StageDay;

/**
 * {@code /v1/apps/{appId}/stats/...}: each answer reads stored counts (one item, or one query over
 * a date range) and never events. Stages, segments, retention and repurchase come from the daily
 * run over all profiles; the funnel is kept by the stream consumer. Campaigns: {@link CampaignStatistics}.
 */
final class StatisticsRoutes {
    private final AppStore apps;
    private final StatisticsStore statistics;
    private final StageHistoryStore stageHistory;
    private final FunnelStore funnel;
    private final Clock clock;

    StatisticsRoutes(AppStore apps, StatisticsStore statistics, StageHistoryStore stageHistory, FunnelStore funnel,
                     Clock clock) {
        this.apps = apps;
        this.statistics = statistics;
        this.stageHistory = stageHistory;
        this.funnel = funnel;
        this.clock = clock;
    }

    ApiResponse stages(AdminRequest request) {
        Optional<RfmRun> run = apps.rfmRun(request.appId());
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Stage s : Stage.values()) {
            counts.put(s.name(), run.map(r -> r.stageCounts().get(s)).orElse(0L));
        }
        return answer(request, "stages", counts, Computed.of(Computed.SCHEDULED_RUN, run.map(RfmRun::ranAt).orElse(null)));
    }

    /** The stage counts of each day of the range a daily run counted (days without a run are absent). */
    ApiResponse stageHistory(AdminRequest request) {
        DateRange range = DateRange.of(request);
        List<Map<String, Object>> days = new ArrayList<>();
        for (StageDay day : stageHistory.days(request.appId(), range.from(), range.to())) {
            Map<String, Long> counts = new LinkedHashMap<>();
            day.counts().forEach((s, n) -> counts.put(s.name(), n));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("day", day.day().toString());
            row.put("stages", counts);
            row.put("ranAt", day.ranAt().toString());
            days.add(row);
        }
        Map<String, Object> body = base(request);
        body.put("from", range.from().toString());
        body.put("to", range.to().toString());
        body.put("days", days);
        body.put("computedAt", Computed.of(Computed.SCHEDULED_RUN,
                days.isEmpty() ? null : java.time.Instant.parse((String) days.get(days.size() - 1).get("ranAt"))));
        return ApiResponses.json(200, body);
    }

    ApiResponse segments(AdminRequest request) {
        Optional<RfmRun> run = apps.rfmRun(request.appId());
        Map<String, Long> counts = new LinkedHashMap<>();
        for (RfmSegment s : RfmSegment.values()) {
            counts.put(s.name(), run.map(r -> r.segmentCounts().get(s)).orElse(0L));
        }
        return answer(request, "segments", counts, Computed.of(Computed.SCHEDULED_RUN, run.map(RfmRun::ranAt).orElse(null)));
    }

    ApiResponse retention(AdminRequest request) {
        DateRange range = DateRange.of(request);
        Optional<CustomerStatistics> stats = statistics.customerStatistics(request.appId());
        Map<LocalDate, RetentionCohort> byDay = new LinkedHashMap<>();
        stats.ifPresent(s -> s.retention().forEach(c -> byDay.put(c.day(), c)));
        List<Map<String, Object>> cohorts = new ArrayList<>();
        for (LocalDate d = range.from(); !d.isAfter(range.to()); d = d.plusDays(1)) {
            RetentionCohort c = byDay.getOrDefault(d, RetentionCohort.empty(d));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("day", d.toString());
            row.put("cohort", c.size());
            row.put("d1", c.d1());
            row.put("d7", c.d7());
            row.put("d30", c.d30());
            row.put("days", c.days());
            cohorts.add(row);
        }
        Map<String, Object> body = base(request);
        body.put("from", range.from().toString());
        body.put("to", range.to().toString());
        body.put("cohorts", cohorts);
        body.put("computedAt", Computed.of(Computed.SCHEDULED_RUN, stats.map(CustomerStatistics::computedAt).orElse(null)));
        return ApiResponses.json(200, body);
    }

    ApiResponse repurchase(AdminRequest request) {
        Optional<CustomerStatistics> stats = statistics.customerStatistics(request.appId());
        List<RepurchaseMonth> months = stats.map(CustomerStatistics::repurchase).orElse(List.of());
        long buyers = months.stream().mapToLong(RepurchaseMonth::buyers).sum();
        long repeat = months.stream().mapToLong(RepurchaseMonth::repeatBuyers).sum();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RepurchaseMonth m : months) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("month", m.month().toString());
            row.put("buyers", m.buyers());
            row.put("repeatBuyers", m.repeatBuyers());
            row.put("rate", m.rate());
            rows.add(row);
        }
        Map<String, Object> body = base(request);
        body.put("buyers", buyers);
        body.put("repeatBuyers", repeat);
        body.put("rate", new RepurchaseMonth(java.time.YearMonth.of(2000, 1), buyers, repeat).rate());
        body.put("byFirstOrderMonth", rows);
        body.put("computedAt", Computed.of(Computed.SCHEDULED_RUN, stats.map(CustomerStatistics::computedAt).orElse(null)));
        return ApiResponses.json(200, body);
    }

    /**
     * Distinct customers at each step over the range: a customer counts at a step when on some
     * day of the range they took it after all the steps before it, that day (steps are taken in
     * order within one local day, like a visit). {@code byDay}: the same per day.
     */
    ApiResponse funnel(AdminRequest request) {
        DateRange range = DateRange.of(request);
        FunnelReach counts = funnel.counts(request.appId(), range.from(), range.to());
        List<Map<String, Object>> days = new ArrayList<>();
        counts.byDay().forEach((day, n) -> days.add(Map.of("day", day.toString(), "steps", steps(n))));
        Map<String, Object> body = base(request);
        body.put("from", range.from().toString());
        body.put("to", range.to().toString());
        body.put("counting", "distinctCustomers");
        body.put("steps", steps(counts.distinct()));
        body.put("byDay", days);
        body.put("computedAt", Computed.of(Computed.STREAM, clock.instant()));
        return ApiResponses.json(200, body);
    }

    private static List<Map<String, Object>> steps(Map<FunnelStep, Long> counts) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (FunnelStep s : FunnelStep.values()) {
            steps.add(Map.of("step", s.name().toLowerCase(java.util.Locale.ROOT), "customers",
                    counts.getOrDefault(s, 0L)));
        }
        return steps;
    }

    private static ApiResponse answer(AdminRequest request, String name, Object counts,
                                                   Map<String, Object> computed) {
        Map<String, Object> body = base(request);
        body.put(name, counts);
        body.put("computedAt", computed);
        return ApiResponses.json(200, body);
    }

    private static Map<String, Object> base(AdminRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("appId", request.appId());
        return body;
    }
}
