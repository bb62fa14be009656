package com.mplifecycle.aws.wechat;

import java.util.Objects;

/** What {@code stable_token} answered. */
public sealed interface AccessTokenResult permits AccessTokenResult.Success, AccessTokenResult.Failure {

    /**
     * A token and how long it has left; WeChat keeps at least 300 s in a token it hands out.
     *
     * @param accessToken the token, a secret
     * @param expiresInSeconds seconds from the answer until the token stops working
     */
    record Success(String accessToken, long expiresInSeconds) implements AccessTokenResult {
        public Success {
            Objects.requireNonNull(accessToken, "accessToken");
        }

        /** The token is a credential: kept out of logs. */
        @Override
        public String toString() {
            return "AccessTokenResult.Success[accessToken=***, expiresInSeconds=" + expiresInSeconds + "]";
        }
    }

    /** WeChat refused: 40013 invalid appid, 40125 invalid secret, 40164 IP not whitelisted, -1 busy, ... */
    record Failure(int errcode, String errmsg) implements AccessTokenResult, WeChatFailure {
    }
}
