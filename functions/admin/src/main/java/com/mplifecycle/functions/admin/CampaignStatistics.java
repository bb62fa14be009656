package com.mplifecycle.functions.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import com.mplifecycle.aws.http.ApiResponse;
import com.mplifecycle.aws.http.ApiResponses;
import com.mplifecycle.domain.stats.CampaignOutcomeCounts;
import com.mplifecycle.domain.stats.CampaignOutcomes;
import com.mplifecycle.domain.stats.LiftInterval;
import com.mplifecycle.domain.stats.VariantOutcome;

/** {@code GET /v1/apps/{appId}/stats/campaigns/{campaignId}}: per variant and holdout, from the dispatcher's counts. */
final class CampaignStatistics {
    private final CampaignOutcomeCounts counts;

    CampaignStatistics(CampaignOutcomeCounts counts) {
        this.counts = counts;
    }

    ApiResponse get(AdminRequest request) {
        String campaignId = request.id("campaignId");
        return counts.of(request.appId(), campaignId).map(o -> ApiResponses.json(200, view(request.appId(), o)))
                .orElseGet(() -> ApiResponses.error(404, "no outcomes counted for this campaign", request.requestId()));
    }

    private static Map<String, Object> view(String appId, CampaignOutcomes o) {
        List<Map<String, Object>> variants = new ArrayList<>();
        for (VariantOutcome v : o.variants()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("variant", v.variant());
            m.put("holdout", v.holdout());
            m.put("decided", v.decided());
            m.put("sent", v.sent());
            m.put("failedByErrcode", v.failedByErrcode());
            m.put("skippedByReason", v.skippedByReason());
            m.put("conversions", v.conversions());
            m.put("conversionRate", number(v.conversionRate()));
            m.put("liftOverHoldout", number(o.liftOverHoldout(v)));
            m.put("liftInterval", LiftInterval.of(o, v).map(CampaignStatistics::interval).orElse(null));
            variants.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("appId", appId);
        body.put("campaignId", o.campaignId());
        body.put("variants", variants);
        body.put("computedAt", Computed.of(Computed.DISPATCH, o.computedAt()));
        return body;
    }

    /** The lift's 95 % interval by Newcombe's hybrid score method ({@link LiftInterval}). */
    private static Map<String, Object> interval(LiftInterval i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("low", i.low());
        m.put("high", i.high());
        m.put("confidence", 0.95);
        m.put("method", "newcombe-hybrid-score");
        m.put("significant", i.significant());
        return m;
    }

    private static Double number(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }
}
