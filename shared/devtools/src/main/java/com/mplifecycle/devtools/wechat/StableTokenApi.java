package com.mplifecycle.devtools.wechat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /cgi-bin/stable_token} and the validity of the tokens it issued.
 *
 * <p>Per app: the same token while it has more than 5 minutes left; in its last 5 minutes a new one,
 * with the old one still valid until it expires; {@code force_refresh} revokes every earlier token of
 * the app at once. Time is the stand-in's clock.
 */
final class StableTokenApi {
    static final Duration LIFETIME = Duration.ofSeconds(7200);
    static final Duration ROTATION_AHEAD = Duration.ofMinutes(5);

    /** How a token presented to another API stands. */
    enum TokenStatus {
        /** Issued, not expired, not revoked. */
        VALID,
        /** Issued and past its expiry. */
        EXPIRED,
        /** Never issued here, or revoked by a forced refresh. */
        INVALID
    }

    private record Issued(String wechatAppId, Instant expiresAt, boolean revoked) {
    }

    private final AppCredentials apps;
    private final Supplier<Instant> clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Issued> issuedByToken = new HashMap<>();
    private final Map<String, String> currentByAppId = new HashMap<>();

    StableTokenApi(AppCredentials apps, Supplier<Instant> clock) {
        this.apps = apps;
        this.clock = clock;
    }

    synchronized WireAnswer answer(String method, JsonNode body) {
        if (!"POST".equals(method)) {
            return WireAnswer.error(43002);
        }
        if (body == null || !body.isObject()) {
            return WireAnswer.error(47001);
        }
        if (!"client_credential".equals(body.path("grant_type").asText())) {
            return WireAnswer.error(40002);
        }
        String appId = body.path("appid").asText("");
        OptionalInt credentialError = apps.errcodeFor(appId, body.path("secret").asText(""));
        if (credentialError.isPresent()) {
            return WireAnswer.error(credentialError.getAsInt());
        }
        Instant now = clock.get();
        String token = body.path("force_refresh").asBoolean(false) ? reissue(appId, now) : stableToken(appId, now);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", token);
        answer.put("expires_in", Duration.between(now, issuedByToken.get(token).expiresAt()).toSeconds());
        return WireAnswer.success(answer);
    }

    synchronized TokenStatus statusOf(String token) {
        Issued issued = issuedByToken.get(token);
        if (issued == null || issued.revoked()) {
            return TokenStatus.INVALID;
        }
        return clock.get().isBefore(issued.expiresAt()) ? TokenStatus.VALID : TokenStatus.EXPIRED;
    }

    private String stableToken(String appId, Instant now) {
        String current = currentByAppId.get(appId);
        if (current != null && now.isBefore(issuedByToken.get(current).expiresAt().minus(ROTATION_AHEAD))) {
            return current;
        }
        return issue(appId, now);
    }

    private String reissue(String appId, Instant now) {
        issuedByToken.replaceAll((token, issued) -> issued.wechatAppId().equals(appId)
                ? new Issued(appId, issued.expiresAt(), true) : issued);
        return issue(appId, now);
    }

    private String issue(String appId, Instant now) {
        byte[] bytes = new byte[96];
        random.nextBytes(bytes);
        // WeChat tokens are long opaque strings with a numeric prefix; callers must not parse them
        String token = "86_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        issuedByToken.put(token, new Issued(appId, now.plus(LIFETIME), false));
        currentByAppId.put(appId, token);
        return token;
    }
}
