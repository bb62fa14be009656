package com.mplifecycle.aws.wechat;

import java.util.Objects;

/** What {@code sns/jscode2session} answered. The session_key is deliberately not kept. */
public sealed interface Code2SessionResult {
    record Success(String openid, String unionid) implements Code2SessionResult {
        public Success {
            Objects.requireNonNull(openid, "openid");
        }

        @Override
        public String toString() {
            return "Success[openid=***]";
        }
    }

    /** WeChat's errcode and errmsg (errors come as HTTP 200 with an errcode). */
    record Failure(int errcode, String errmsg) implements Code2SessionResult {
    }
}
