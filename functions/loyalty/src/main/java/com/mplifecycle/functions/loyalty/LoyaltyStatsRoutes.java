package com.mplifecycle.functions.loyalty;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mplifecycle.aws.http.ApiResponse;
import com.mplifecycle.aws.http.ApiResponses;
import com.mplifecycle.aws.http.BadRequestException;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.LoyaltyCounters;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.loyalty.Level;

/**
 * {@code GET /v1/apps/{appId}/stats/loyalty?from=&to=&days=}: points issued, spent and expired and
 * redemptions over the local days of the range (absent: the 30 days up to today) (from the counters the ledger's transactions keep, one
 * query), the points due to expire in the next {@code days} days (default the app's
 * {@code loyalty.expiringNoticeDays}; from the expiry counters) and the customers per level (count queries of
 * the profiles table's level index).
 */
final class LoyaltyStatsRoutes {
    static final int MAX_RANGE_DAYS = 400;
    static final int DEFAULT_RANGE_DAYS = 30;
    static final int MAX_EXPIRING_DAYS = 366;

    private final LoyaltyCounters counters;
    private final ProfileStore profiles;
    private final AppStore apps;
    private final Clock clock;

    LoyaltyStatsRoutes(LoyaltyCounters counters, ProfileStore profiles, AppStore apps, Clock clock) {
        this.counters = counters;
        this.profiles = profiles;
        this.apps = apps;
        this.clock = clock;
    }

    ApiResponse stats(LoyaltyRequest request) {
        AppSettings settings = apps.settingsOrDefaults(request.appId());
        LocalDate today = LocalDate.now(clock.withZone(settings.timeZone()));
        // without a range: the 30 local days up to today by the API's clock (the console's view)
        LocalDate to = day(request, "to", today);
        LocalDate from = day(request, "from", to.minusDays(DEFAULT_RANGE_DAYS - 1));
        if (to.isBefore(from)) {
            throw new BadRequestException(400, "to must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
            throw new BadRequestException(400, "to: the range is at most " + MAX_RANGE_DAYS + " days");
        }
        int days = settings.loyaltySettings().expiringNoticeDays();
        String given = request.http().queryParameter("days").orElse(null);
        if (given != null) {
            if (!given.matches("\\d{1,3}") || Integer.parseInt(given) < 1 || Integer.parseInt(given) > MAX_EXPIRING_DAYS) {
                throw new BadRequestException(400, "days must be a whole number from 1 to " + MAX_EXPIRING_DAYS);
            }
            days = Integer.parseInt(given);
        }
        // "in the next N days": the lots due from today up to N days on (the daily run expires a day's lots)
        List<LoyaltyCounters.Day> daily = counters.days(request.appId(), from, to);
        long issued = 0;
        long spent = 0;
        long expired = 0;
        long redeemed = 0;
        List<Map<String, Object>> dayRows = new ArrayList<>();
        for (LoyaltyCounters.Day d : daily) {
            issued += d.issued();
            spent += d.spent();
            expired += d.expired();
            redeemed += d.redeemed();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("date", d.date().toString());
            row.put("issued", d.issued());
            row.put("spent", d.spent());
            row.put("expired", d.expired());
            row.put("redeemed", d.redeemed());
            dayRows.add(row);
        }
        List<Map<String, Object>> levels = new ArrayList<>();
        List<Level> appLevels = settings.loyaltySettings().levels();
        for (int i = 0; i < appLevels.size(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("level", appLevels.get(i).name());
            row.put("customers", profiles.countByLevel(request.appId(), appLevels.get(i).name(), i == 0));
            levels.add(row);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("appId", request.appId());
        body.put("from", from.toString());
        body.put("to", to.toString());
        body.put("issued", issued);
        body.put("spent", spent);
        body.put("expired", expired);
        body.put("redeemed", redeemed);
        body.put("expiringSoon", counters.expiring(request.appId(), today, today.plusDays(days)));
        body.put("expiringDays", days);
        body.put("customersByLevel", levels);
        body.put("days", dayRows);
        return ApiResponses.json(200, body);
    }

    private static LocalDate day(LoyaltyRequest request, String name, LocalDate absent) {
        String value = request.http().queryParameter(name).orElse(null);
        if (value == null || value.isEmpty()) {
            return absent;
        }
        try {
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(value);
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new BadRequestException(400, name + " must be a date YYYY-MM-DD");
    }
}
