package com.mplifecycle.aws.auth;

import java.time.Instant;
import java.util.Objects;

/** Who a session token speaks for: one customer (openid) of one app, until {@code expiresAt}. */
public record SessionClaims(String appId, String customerId, String openid, Instant issuedAt, Instant expiresAt) {
    public SessionClaims {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(openid, "openid");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "SessionClaims[appId=" + appId + ", customerId=" + customerId + ", expiresAt=" + expiresAt + "]";
    }
}
