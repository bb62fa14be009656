package com.mplifecycle.functions.loyalty;

import java.util.Map;

import com.mplifecycle.aws.http.ApiResponse;
import com.mplifecycle.aws.http.ApiResponses;
import com.mplifecycle.aws.http.BadRequestException;
import com.mplifecycle.aws.http.JsonBody;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.RewardStore;
import com.mplifecycle.domain.loyalty.LoyaltySettings;
import com.mplifecycle.domain.loyalty.Reward;

/** {@code PUT/GET/DELETE /v1/apps/{appId}/rewards/{rewardId}} and {@code GET /v1/apps/{appId}/rewards}. */
final class RewardRoutes {
    static final int MAX_BODY_BYTES = 4 * 1024;
    static final long MAX_NUMBER = 1_000_000_000L;

    private final RewardStore rewards;
    private final AppStore apps;

    RewardRoutes(RewardStore rewards, AppStore apps) {
        this.rewards = rewards;
        this.apps = apps;
    }

    ApiResponse put(LoyaltyRequest request) {
        String rewardId = request.id("rewardId");
        Map<String, Object> body = JsonBody.object(request.http().body(), MAX_BODY_BYTES,
                "{\"name\", \"costPoints\", \"stock\", \"minLevel\", \"enabled\"}");
        for (String field : body.keySet()) {
            if (!java.util.Set.of("name", "costPoints", "stock", "minLevel", "enabled").contains(field)) {
                throw new BadRequestException(400, field + ": unknown field");
            }
        }
        if (!(body.get("name") instanceof String name) || name.isBlank() || name.length() > 100) {
            throw new BadRequestException(400, "name must be a string of 1 to 100 characters");
        }
        long cost = number(body, "costPoints", 1);
        long stock = number(body, "stock", 0);
        Object minLevel = body.get("minLevel");
        LoyaltySettings loyalty = apps.settingsOrDefaults(request.appId()).loyaltySettings();
        if (minLevel != null && !(minLevel instanceof String level
                && loyalty.levels().stream().anyMatch(l -> l.name().equals(level)))) {
            throw new BadRequestException(400, "minLevel must be null or one of the app's level names "
                    + loyalty.levels().stream().map(l -> l.name()).toList());
        }
        Object enabled = body.getOrDefault("enabled", Boolean.TRUE);
        if (!(enabled instanceof Boolean on)) {
            throw new BadRequestException(400, "enabled must be true or false");
        }
        Reward reward = new Reward(rewardId, name, cost, stock, (String) minLevel, on);
        rewards.put(request.appId(), reward);
        return ApiResponses.json(200, LoyaltyViews.reward(reward));
    }

    ApiResponse get(LoyaltyRequest request) {
        String rewardId = request.id("rewardId");
        return rewards.get(request.appId(), rewardId).map(r -> ApiResponses.json(200, LoyaltyViews.reward(r)))
                .orElseGet(() -> ApiResponses.error(404, "no reward " + rewardId, request.requestId()));
    }

    ApiResponse delete(LoyaltyRequest request) {
        String rewardId = request.id("rewardId");
        return rewards.delete(request.appId(), rewardId) ? ApiResponses.noContent()
                : ApiResponses.error(404, "no reward " + rewardId, request.requestId());
    }

    ApiResponse list(LoyaltyRequest request) {
        return ApiResponses.json(200, Map.of("rewards",
                rewards.list(request.appId()).stream().map(LoyaltyViews::reward).toList()));
    }

    private static long number(Map<String, Object> body, String name, long min) {
        Object v = body.get(name);
        if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < min
                || ((Number) v).longValue() > MAX_NUMBER) {
            throw new BadRequestException(400, name + " must be an integer from " + min + " to " + MAX_NUMBER);
        }
        return ((Number) v).longValue();
    }
}
