package com.mplifecycle.devtools.wechat;

/**
 * A failure the stand-in plays for the next {@code count} calls of {@code api}
 * ({@code jscode2session}, {@code stable_token}, {@code subscribe_send} or {@code any}): an errcode
 * in an HTTP 200 body (as WeChat does), an HTTP status with a non-JSON body, or a delay.
 */
public record WeChatFault(String api, int errcode, int httpStatus, long delayMs, int count) {
    public WeChatFault {
        if (!java.util.Set.of("jscode2session", "stable_token", "subscribe_send", "any").contains(api)) {
            throw new IllegalArgumentException("api must be jscode2session, stable_token, subscribe_send or any");
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        if ((errcode == 0) == (httpStatus == 0) && delayMs == 0) {
            throw new IllegalArgumentException("give exactly one of errcode, httpStatus, or a delayMs");
        }
        if (httpStatus != 0 && (httpStatus < 400 || httpStatus > 599)) {
            throw new IllegalArgumentException("httpStatus must be 400..599");
        }
    }

    boolean appliesTo(String call) {
        return api.equals("any") || api.equals(call);
    }
}
