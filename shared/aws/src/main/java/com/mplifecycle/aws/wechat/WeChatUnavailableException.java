package com.mplifecycle.aws.wechat;

/** WeChat could not be reached or answered something other than its JSON (timeouts, HTTP 5xx). */
public final class WeChatUnavailableException extends RuntimeException {
    public WeChatUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
