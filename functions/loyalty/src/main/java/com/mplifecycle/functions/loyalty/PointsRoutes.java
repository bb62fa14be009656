package com.mplifecycle.functions.loyalty;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.mplifecycle.aws.http.ApiResponse;
import com.mplifecycle.aws.http.ApiResponses;
import com.mplifecycle.aws.http.BadRequestException;
import com.mplifecycle.aws.http.JsonBody;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.loyalty.LedgerEntry;
import com.mplifecycle.domain.loyalty.LoyaltyRules;
import com.mplifecycle.domain.loyalty.PointsAccount;

/**
 * The operators' view of a customer's points: {@code GET /v1/apps/{appId}/customers/{customerId}/points}
 * (the account and its ledger) and {@code POST .../points/adjustments} (idempotent by requestId).
 */
final class PointsRoutes {
    static final int MAX_BODY_BYTES = 4 * 1024;
    static final long MAX_ADJUSTMENT = 10_000_000;
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final Accounts accounts;
    private final AppStore apps;
    private final Clock clock;

    PointsRoutes(Accounts accounts, AppStore apps, Clock clock) {
        this.accounts = accounts;
        this.apps = apps;
        this.clock = clock;
    }

    ApiResponse ledger(LoyaltyRequest request) {
        String customerId = request.customer();
        AppSettings s = apps.settingsOrDefaults(request.appId());
        LoyaltyRules rules = new LoyaltyRules(s.loyaltySettings(), s.timeZone());
        PointsAccount a = accounts.store().account(request.appId(), customerId);
        Instant now = clock.instant();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("customerId", customerId);
        m.put("balance", a.balance());
        m.put("earned", a.earned());
        m.put("spent", a.spent());
        m.put("expired", a.expired());
        m.put("expiring", LoyaltyViews.expiring(a));
        m.put("level", LoyaltyViews.level(rules, a, now));
        m.put("checkIn", LoyaltyViews.checkIn(a, rules.today(now)));
        m.putAll(LoyaltyViews.ledgerPage(accounts.store().ledger(request.appId(), customerId),
                request.http().queryParameter("cursor").orElse(null)));
        return ApiResponses.json(200, m);
    }

    ApiResponse adjust(LoyaltyRequest request) {
        String customerId = request.customer();
        Map<String, Object> body = JsonBody.object(request.http().body(), MAX_BODY_BYTES,
                "{\"points\": 100, \"reason\": \"...\", \"requestId\": \"...\"}");
        Object rawPoints = body.get("points");
        if (!(rawPoints instanceof Integer || rawPoints instanceof Long) || ((Number) rawPoints).longValue() == 0
                || Math.abs(((Number) rawPoints).longValue()) > MAX_ADJUSTMENT) {
            throw new BadRequestException(400, "points must be a non-zero integer of at most " + MAX_ADJUSTMENT
                    + " either way");
        }
        if (!(body.get("reason") instanceof String reason) || reason.isBlank() || reason.length() > 200) {
            throw new BadRequestException(400, "reason must be a string of 1 to 200 characters");
        }
        if (!(body.get("requestId") instanceof String requestId) || !REQUEST_ID.matcher(requestId).matches()) {
            throw new BadRequestException(400, "requestId must be 1 to 64 letters, digits or . _ : -");
        }
        long points = ((Number) rawPoints).longValue();
        AppSettings s = apps.settingsOrDefaults(request.appId());
        LoyaltyRules rules = new LoyaltyRules(s.loyaltySettings(), s.timeZone());
        Instant now = clock.instant();
        Accounts.Applied applied = accounts.apply(request.appId(), customerId,
                a -> rules.adjust(a, points, reason, requestId, now));
        if (applied instanceof Accounts.Applied.Done done) {
            return ApiResponses.json(201, LoyaltyViews.entry(done.change().entries().get(0)));
        }
        LedgerEntry earlier = accounts.store().entry(request.appId(), customerId,
                LedgerEntry.causeOf(LedgerEntry.Kind.ADJUSTMENT, requestId)).orElseThrow();
        if (earlier.points() != points) {
            return ApiResponses.error(409, "requestId was already used for an adjustment of " + earlier.points(),
                    request.requestId());
        }
        return ApiResponses.json(200, LoyaltyViews.entry(earlier));
    }
}
