package com.mplifecycle.aws.wechat;

import java.util.Objects;
import java.util.Optional;

/** What {@code jscode2session} answered for a login code. The session_key is deliberately not kept. */
public sealed interface Code2SessionResult permits Code2SessionResult.Success, Code2SessionResult.Failure {

    /**
     * The user behind the code.
     *
     * @param openid the user's id in this mini-program
     * @param unionid the user's id across the merchant's apps, or null when no Open Platform account is bound
     */
    record Success(String openid, String unionid) implements Code2SessionResult {
        public Success {
            Objects.requireNonNull(openid, "openid");
        }

        public Optional<String> optionalUnionid() {
            return Optional.ofNullable(unionid);
        }

        /** Ids are personal data: kept out of logs. */
        @Override
        public String toString() {
            return "Code2SessionResult.Success[openid=***, unionid=" + (unionid == null ? "none" : "***") + "]";
        }
    }

    /** WeChat refused: 40029 invalid code, 40163 code used, 40226 blocked, 40013/40125 bad app config, ... */
    record Failure(int errcode, String errmsg) implements Code2SessionResult, WeChatFailure {
    }
}
