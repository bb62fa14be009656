package com.mplifecycle.aws.wechat;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An error WeChat answered (HTTP 200 with a non-zero {@code errcode}), with the classifications callers
 * act on. Every result type's {@code Failure} is one.
 */
public interface WeChatFailure {
    /** Token errors: drop the cached token if it is still this one, fetch again, retry once. */
    Set<Integer> TOKEN_INVALID = Set.of(40001, 40014, 42001);
    /** Busy or over quota (system busy, daily quota, minute quota, concurrent sends to one openid). */
    Set<Integer> RETRYABLE_LATER = Set.of(-1, 45009, 45011, 43108);
    /** WeChat's rate limits (daily quota, minute quota): the app's sends pause, not only this one. */
    Set<Integer> RATE_LIMITED = Set.of(45009, 45011);
    /** No one-time subscription credit left, or the user unsubscribed. */
    int NO_SUBSCRIPTION = 43101;

    int errcode();

    String errmsg();

    default boolean isTokenInvalid() {
        return TOKEN_INVALID.contains(errcode());
    }

    default boolean isRetryableLater() {
        return RETRYABLE_LATER.contains(errcode());
    }

    default boolean isRateLimited() {
        return RATE_LIMITED.contains(errcode());
    }

    default boolean isNoSubscription() {
        return errcode() == NO_SUBSCRIPTION;
    }

    /** The request id WeChat appends to errmsg ({@code ... rid: 6475e0d8-1c2b3a4d-5e6f7a8b}); support asks for it. */
    default Optional<String> rid() {
        Matcher matcher = Pattern.compile("rid:\\s*([0-9A-Za-z-]+)").matcher(errmsg() == null ? "" : errmsg());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
