package com.mplifecycle.aws.wechat;

/**
 * WeChat gave no usable answer: the network failed, the call timed out, or the answer was not HTTP 200
 * with a JSON object. Whether to retry is the caller's choice. The message never holds the AppSecret,
 * an access token, a login code or an openid.
 */
public final class WeChatUnavailableException extends RuntimeException {
    private final String api;

    WeChatUnavailableException(String api, String reason) {
        super("WeChat " + api + " unavailable: " + reason);
        this.api = api;
    }

    /** The API that failed: {@code jscode2session}, {@code stable_token} or {@code subscribe_send}. */
    public String api() {
        return api;
    }
}
