package com.mplifecycle.aws.wechat;

/**
 * WeChat gave no usable answer: the network failed, the call timed out, or the answer was not HTTP 200
 * with a JSON object. Whether to retry is the caller's choice. The message never holds the AppSecret,
 * an access token, a login code or an openid.
 */
public final class WeChatUnavailableException extends RuntimeException {
    private final String api;
    private final boolean refusedBeforeProcessing;

    WeChatUnavailableException(String api, String reason) {
        this(api, reason, false);
    }

    WeChatUnavailableException(String api, String reason, boolean refusedBeforeProcessing) {
        super("WeChat " + api + " unavailable: " + reason);
        this.api = api;
        this.refusedBeforeProcessing = refusedBeforeProcessing;
    }

    /**
     * True when WeChat's front answered with an HTTP error status (5xx, 4xx) or no connection could
     * be opened: the call was not carried out, so sending again cannot deliver twice. False for a
     * timeout or a broken answer, after which the call may have been carried out.
     */
    public boolean refusedBeforeProcessing() {
        return refusedBeforeProcessing;
    }

    /** The API that failed: {@code jscode2session}, {@code stable_token} or {@code subscribe_send}. */
    public String api() {
        return api;
    }
}
