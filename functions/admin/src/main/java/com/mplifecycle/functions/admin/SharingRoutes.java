package com.mplifecycle.functions.admin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mplifecycle.aws.http.ApiResponse;
import com.mplifecycle.aws.http.ApiResponses;
import com.mplifecycle.aws.store.SharingStore;
import com.mplifecycle.domain.sharing.SharingStatistics;

/**
 * {@code GET /v1/apps/{appId}/stats/sharing?from=&to=}: shares, opens by other customers, customers
 * acquired through shares and the top sharers over the local days of the range, from the day
 * records the stream consumer keeps (one query).
 */
final class SharingRoutes {
    private final SharingStore sharing;
    private final Clock clock;

    SharingRoutes(SharingStore sharing, Clock clock) {
        this.sharing = sharing;
        this.clock = clock;
    }

    ApiResponse stats(AdminRequest request) {
        DateRange range = DateRange.of(request);
        SharingStatistics s = SharingStatistics.of(sharing.entries(request.appId(), range.from(), range.to()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("appId", request.appId());
        body.put("from", range.from().toString());
        body.put("to", range.to().toString());
        body.put("sharers", s.sharers());
        body.put("shares", s.shares());
        body.put("opens", s.opens());
        body.put("newCustomers", s.newCustomers());
        body.put("opensPerShare", s.opensPerShare());
        List<Map<String, Object>> top = new ArrayList<>();
        for (SharingStatistics.Sharer sharer : s.topSharers()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("customerId", sharer.customerId());
            row.put("shares", sharer.shares());
            row.put("opens", sharer.opens());
            row.put("newCustomers", sharer.newCustomers());
            row.put("opensPerShare", sharer.opensPerShare());
            top.add(row);
        }
        body.put("topSharers", top);
        body.put("computedAt", Computed.of(Computed.STREAM, clock.instant()));
        return ApiResponses.json(200, body);
    }
}
