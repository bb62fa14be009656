package com.mplifecycle.functions.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import com.mplifecycle.aws.http.ApiResponse;
import com.mplifecycle.aws.http.ApiResponses;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.ProfilePage;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.loyalty.Level;
import com.mplifecycle.domain.loyalty.LoyaltySettings;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.CustomerScores;
import com.mplifecycle.domain.rfm.RfmSegment;

/**
 * {@code GET /v1/apps/{appId}/customers?stage=&segment=&level=&cursor=&limit=}: an audience page by
 * page, as JSON or (with {@code Accept: text/csv}) as CSV with the next cursor in {@code x-next-cursor}.
 * By stage it reads the profiles table's stage index, by loyalty level its level index (the lowest
 * level also lists the customers without a points account, who hold it); by segment (or all
 * customers) it scans, since a segment follows from the last daily run on read and is stored nowhere
 * (docs/data-model.md).
 */
final class CustomerList {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;
    /** Scan calls one request may make (of {@link ProfileStore#LIST_SCAN_PAGE} items each). */
    static final int SCAN_BUDGET = 20;
    static final String CSV_HEADER = "customerId,stage,segment,firstSeenAt,lastActiveAt,orders,revenueFen,level";

    private final ProfileStore profiles;
    private final AppStore apps;

    CustomerList(ProfileStore profiles, AppStore apps) {
        this.profiles = profiles;
        this.apps = apps;
    }

    ApiResponse list(AdminRequest request) {
        Optional<String> stage = request.query("stage");
        Optional<String> segment = request.query("segment");
        Optional<String> level = request.query("level");
        if ((stage.isPresent() ? 1 : 0) + (segment.isPresent() ? 1 : 0) + (level.isPresent() ? 1 : 0) > 1) {
            throw new InvalidFieldException("stage", "give one of stage, segment or level");
        }
        stage.ifPresent(s -> value(Stage.class, "stage", s));
        Optional<RfmSegment> wanted = segment.map(s -> value(RfmSegment.class, "segment", s));
        int limit = request.limit(wantsCsv(request) ? MAX_LIMIT : DEFAULT_LIMIT, MAX_LIMIT);
        String cursor = request.query("cursor").orElse(null);
        AppSettings settings = apps.settingsOrDefaults(request.appId());
        List<Level> levels = settings.loyaltySettings().levels();
        if (level.isPresent() && levels.stream().noneMatch(l -> l.name().equals(level.get()))) {
            throw new InvalidFieldException("level", "must be one of the app's levels: "
                    + String.join(", ", levels.stream().map(Level::name).toList()));
        }
        CustomerScores scores = apps.rfmRun(request.appId()).map(run -> CustomerScores.of(run, settings.timeZone()))
                .orElse(CustomerScores.NONE);
        ProfilePage page;
        try {
            if (stage.isPresent()) {
                page = profiles.listByStage(request.appId(), stage.get(), cursor, limit);
            } else if (level.isPresent()) {
                page = profiles.listByLevel(request.appId(), level.get(), levels.get(0).name().equals(level.get()),
                        cursor, limit);
            } else {
                Predicate<CustomerProfile> matches = wanted.<Predicate<CustomerProfile>>map(w ->
                        p -> scores.rfm(p).map(r -> r.segment() == w).orElse(false)).orElse(p -> true);
                page = profiles.listByScan(request.appId(), matches, cursor, limit, SCAN_BUDGET);
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("cursor", "is not a cursor of this listing");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CustomerProfile p : page.customers()) {
            rows.add(row(p, scores, settings.loyaltySettings()));
        }
        if (wantsCsv(request)) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("content-type", "text/csv; charset=utf-8");
            headers.put("content-disposition", "attachment; filename=\"customers.csv\"");
            page.cursor().ifPresent(c -> headers.put("x-next-cursor", c));
            return new ApiResponse(200, headers, csv(rows));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("appId", request.appId());
        body.put("customers", rows);
        body.put("nextCursor", page.cursor().orElse(null));
        return ApiResponses.json(200, body);
    }

    private static Map<String, Object> row(CustomerProfile p, CustomerScores scores, LoyaltySettings loyalty) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("customerId", p.customerId());
        row.put("stage", p.stage() == null ? null : p.stage().name());
        row.put("segment", scores.rfm(p).map(r -> r.segment().name()).orElse(null));
        row.put("firstSeenAt", p.firstSeenAt() == null ? null : p.firstSeenAt().toString());
        row.put("lastActiveAt", p.lastActiveAt() == null ? null : p.lastActiveAt().toString());
        row.put("orders", p.paidOrders());
        row.put("revenueFen", p.revenueFen());
        // as the points ledger shows it: no level yet, or a name the app no longer has, is the lowest
        row.put("level", loyalty.levels().get(loyalty.indexOf(p.loyalty() == null ? null : p.loyalty().level())).name());
        return row;
    }

    /** Ids, enum names, times and numbers need no quoting; a level name (the operators' text) may (RFC 4180). */
    static String csv(List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
        for (Map<String, Object> row : rows) {
            List<String> cells = new ArrayList<>();
            row.values().forEach(v -> cells.add(v == null ? "" : cell(v.toString())));
            out.append(String.join(",", cells)).append("\r\n");
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.matches("[^\",\r\n]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static boolean wantsCsv(AdminRequest request) {
        return request.http().header("accept").map(a -> a.toLowerCase(Locale.ROOT).contains("text/csv")).orElse(false);
    }

    private static <E extends Enum<E>> E value(Class<E> type, String field, String text) {
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                names.add(c.name());
            }
            throw new InvalidFieldException(field, "must be one of " + String.join(", ", names));
        }
    }
}
