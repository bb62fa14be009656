package com.mplifecycle.functions.loyalty;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.mplifecycle.aws.http.ApiResponse;
import com.mplifecycle.aws.http.ApiResponses;
import com.mplifecycle.aws.http.BadRequestException;
import com.mplifecycle.aws.http.JsonBody;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.EventChunk;
import com.mplifecycle.aws.store.EventStore;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.aws.store.RewardStore;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.event.EventType;
import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.domain.loyalty.LedgerEntry;
import com.mplifecycle.domain.loyalty.LoyaltyRules;
import com.mplifecycle.domain.loyalty.PointsAccount;
import com.mplifecycle.domain.loyalty.Reward;
import com.mplifecycle.domain.profile.CustomerProfile;

/**
 * The customer's own routes, with the session token as {@code /v1/events}: {@code GET /v1/me},
 * {@code GET /v1/me/points}, {@code POST /v1/me/check-ins}, {@code POST /v1/me/redemptions}.
 */
final class MeRoutes {
    static final int MAX_BODY_BYTES = 4 * 1024;
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final Accounts accounts;
    private final ProfileStore profiles;
    private final AppStore apps;
    private final RewardStore rewards;
    private final EventStore events;
    private final Clock clock;

    MeRoutes(Accounts accounts, ProfileStore profiles, AppStore apps, RewardStore rewards, EventStore events,
             Clock clock) {
        this.accounts = accounts;
        this.profiles = profiles;
        this.apps = apps;
        this.rewards = rewards;
        this.events = events;
        this.clock = clock;
    }

    private LoyaltyRules rules(String appId) {
        AppSettings s = apps.settingsOrDefaults(appId);
        return new LoyaltyRules(s.loyaltySettings(), s.timeZone());
    }

    ApiResponse me(LoyaltyRequest request) {
        Instant now = clock.instant();
        LoyaltyRules rules = rules(request.appId());
        PointsAccount account = accounts.store().account(request.appId(), request.customerId());
        Optional<CustomerProfile> profile = profiles.load(request.appId(), request.customerId());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("customerId", request.customerId());
        m.put("stage", profile.map(CustomerProfile::stage).map(Enum::name).orElse(null));
        m.put("points", LoyaltyViews.points(account));
        m.put("level", LoyaltyViews.level(rules, account, now));
        m.put("checkIn", LoyaltyViews.checkIn(account, rules.today(now)));
        m.put("credits", profile.map(CustomerProfile::credits).orElse(Map.of()));
        return ApiResponses.json(200, m);
    }

    ApiResponse points(LoyaltyRequest request) {
        List<LedgerEntry> ledger = accounts.store().ledger(request.appId(), request.customerId());
        return ApiResponses.json(200, LoyaltyViews.ledgerPage(ledger,
                request.http().queryParameter("cursor").orElse(null)));
    }

    ApiResponse checkIn(LoyaltyRequest request) {
        Map<String, Object> body = JsonBody.object(request.http().body(), MAX_BODY_BYTES,
                "{\"date\": \"yyyy-MM-dd\", \"makeUp\": false}");
        Instant now = clock.instant();
        LoyaltyRules rules = rules(request.appId());
        LocalDate date = rules.today(now);
        if (body.get("date") != null) {
            try {
                date = LocalDate.parse(String.valueOf(body.get("date")));
            } catch (DateTimeParseException e) {
                throw new BadRequestException(400, "date must be yyyy-MM-dd");
            }
        }
        Object makeUpRaw = body.getOrDefault("makeUp", Boolean.FALSE);
        if (!(makeUpRaw instanceof Boolean makeUp)) {
            throw new BadRequestException(400, "makeUp must be true or false");
        }
        LocalDate day = date;
        Accounts.Applied applied = accounts.apply(request.appId(), request.customerId(),
                a -> rules.checkIn(a, day, makeUp, now));
        if (applied instanceof Accounts.Applied.Refused r) {
            return ApiResponses.error(r.status(), r.reason(), request.requestId());
        }
        if (applied instanceof Accounts.Applied.Already) {
            // the same check-in came through the event stream a moment before
            return ApiResponses.error(409, "already checked in on " + day, request.requestId());
        }
        Accounts.Applied.Done done = (Accounts.Applied.Done) applied;
        if (!makeUp) {
            // the day's activity for the lifecycle (and the profile's streak), as a check_in event would be
            events.write(List.of(new EventChunk(request.appId(), request.customerId(), request.openid(),
                    List.of(new TrackedEvent("checkin:" + day, EventType.CHECK_IN, now,
                            Map.of("date", day.toString()))))), now);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", day.toString());
        m.put("makeUp", makeUp);
        m.put("points", done.change().entries().get(0).points());
        m.put("streak", LoyaltyRules.streak(done.account().checkIns(), rules.today(now)));
        m.put("balance", done.account().balance());
        return ApiResponses.json(200, m);
    }

    ApiResponse redeem(LoyaltyRequest request) {
        Map<String, Object> body = JsonBody.object(request.http().body(), MAX_BODY_BYTES,
                "{\"rewardId\": \"...\", \"requestId\": \"...\"}");
        if (!(body.get("rewardId") instanceof String rewardId) || !LoyaltyRequest.ID.matcher(rewardId).matches()) {
            throw new BadRequestException(400, "rewardId must be 1 to 64 letters, digits, _ or -");
        }
        if (!(body.get("requestId") instanceof String requestId) || !REQUEST_ID.matcher(requestId).matches()) {
            throw new BadRequestException(400, "requestId must be 1 to 64 letters, digits or . _ : -");
        }
        String cause = LedgerEntry.causeOf(LedgerEntry.Kind.REWARD, requestId);
        Optional<LedgerEntry> earlier = accounts.store().entry(request.appId(), request.customerId(), cause);
        if (earlier.isPresent()) {
            return replay(request, earlier.get(), rewardId);
        }
        Reward reward = rewards.get(request.appId(), rewardId)
                .orElseThrow(() -> new BadRequestException(404, "no reward " + rewardId));
        Instant now = clock.instant();
        LoyaltyRules rules = rules(request.appId());
        Accounts.Applied applied = accounts.apply(request.appId(), request.customerId(),
                a -> rules.redeem(a, reward, requestId, now), List.of(rewards.takeOne(request.appId(), reward)),
                "reward " + rewardId + " is out of stock");
        if (applied instanceof Accounts.Applied.Refused r) {
            return ApiResponses.error(r.status(), r.reason(), request.requestId());
        }
        if (applied instanceof Accounts.Applied.Already) {
            return replay(request, accounts.store().entry(request.appId(), request.customerId(), cause).orElseThrow(),
                    rewardId);
        }
        Accounts.Applied.Done done = (Accounts.Applied.Done) applied;
        return ApiResponses.json(201, LoyaltyViews.redemption(done.change().entries().get(0), reward.costPoints()));
    }

    /** A retried redemption: the first answer again, or 409 when the request id was used for another reward. */
    private static ApiResponse replay(LoyaltyRequest request, LedgerEntry entry, String rewardId) {
        if (!rewardId.equals(entry.ref())) {
            return ApiResponses.error(409, "requestId was already used for reward " + entry.ref(), request.requestId());
        }
        return ApiResponses.json(201, LoyaltyViews.redemption(entry, -entry.points()));
    }
}
