package com.mplifecycle.aws.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.mplifecycle.aws.json.PlainJson;

/**
 * Session tokens: JWTs signed with HMAC-SHA256 (HS256) carrying the app, the customer and the
 * openid. Verification accepts HS256 only (never {@code alg: none} or another algorithm),
 * compares signatures in constant time and checks expiry against the injected clock.
 */
public final class SessionTokens {
    public static final Duration LIFETIME = Duration.ofHours(2);
    static final String ISSUER = "mplifecycle";
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final String HEADER = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"
            .getBytes(StandardCharsets.UTF_8));

    private final Supplier<byte[]> signingKey;
    private final Clock clock;
    private volatile KeyedMacs keyed;

    public SessionTokens(byte[] signingKey, Clock clock) {
        this(() -> signingKey, clock);
    }

    /** Signs and verifies with the key {@code signingKey} gives at each call, so a rotated key takes effect. */
    public SessionTokens(Supplier<byte[]> signingKey, Clock clock) {
        this.signingKey = signingKey;
        this.clock = clock;
    }

    /**
     * One keyed Mac per thread for one key: looking the algorithm up and keying it cost more than the
     * HMAC itself.
     */
    private record KeyedMacs(byte[] key, ThreadLocal<Mac> macs) {
        static KeyedMacs of(byte[] key) {
            SecretKeySpec spec = new SecretKeySpec(key, "HmacSHA256");
            return new KeyedMacs(key, ThreadLocal.withInitial(() -> keyedMac(spec)));
        }
    }

    public String issue(String appId, String customerId, String openid) {
        Instant now = clock.instant();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("app", appId);
        claims.put("sub", customerId);
        claims.put("oid", openid);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(LIFETIME).getEpochSecond());
        String payload = B64.encodeToString(PlainJson.write(claims).getBytes(StandardCharsets.UTF_8));
        String signingInput = HEADER + "." + payload;
        return signingInput + "." + B64.encodeToString(sign(signingInput));
    }

    public SessionClaims verify(String token) {
        if (token == null || token.isEmpty()) {
            throw new TokenRejectedException("missing token");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new TokenRejectedException("malformed token");
        }
        // the header this class issues is one constant: only another header needs reading
        if (!HEADER.equals(parts[0]) && !"HS256".equals(decodeJson(parts[0]).get("alg"))) {
            throw new TokenRejectedException("unsupported token algorithm");
        }
        byte[] signature;
        try {
            signature = B64D.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new TokenRejectedException("malformed token");
        }
        if (!MessageDigest.isEqual(signature, sign(parts[0] + "." + parts[1]))) {
            throw new TokenRejectedException("bad token signature");
        }
        Map<String, Object> claims = decodeJson(parts[1]);
        Instant now = clock.instant();
        Instant expiresAt = Instant.ofEpochSecond(PlainJson.asLong(claims.get("exp"), 0));
        Instant issuedAt = Instant.ofEpochSecond(PlainJson.asLong(claims.get("iat"), 0));
        if (!ISSUER.equals(claims.get("iss")) || !(claims.get("app") instanceof String app)
                || !(claims.get("sub") instanceof String sub) || !(claims.get("oid") instanceof String oid)) {
            throw new TokenRejectedException("malformed token claims");
        }
        if (!now.isBefore(expiresAt)) {
            throw new TokenRejectedException("expired token");
        }
        if (issuedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw new TokenRejectedException("token issued in the future");
        }
        return new SessionClaims(app, sub, oid, issuedAt, expiresAt);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> decodeJson(String part) {
        try {
            if (!(PlainJson.read(B64D.decode(part)) instanceof Map<?, ?> node)) {
                throw new TokenRejectedException("malformed token");
            }
            return (Map<String, Object>) node;
        } catch (TokenRejectedException e) {
            throw e;
        } catch (Exception e) {
            throw new TokenRejectedException("malformed token");
        }
    }

    private byte[] sign(String input) {
        byte[] key = signingKey.get();
        KeyedMacs current = keyed;
        if (current == null || (current.key() != key && !Arrays.equals(current.key(), key))) {
            current = KeyedMacs.of(key);
            keyed = current;
        }
        // doFinal leaves the Mac reset and keyed for the next token
        return current.macs().get().doFinal(input.getBytes(StandardCharsets.US_ASCII));
    }

    private static Mac keyedMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
