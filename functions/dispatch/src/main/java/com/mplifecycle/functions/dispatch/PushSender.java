package com.mplifecycle.functions.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import com.mplifecycle.aws.secrets.Secrets;
import com.mplifecycle.aws.secrets.WeChatAppCredentials;
import com.mplifecycle.aws.store.DispatchRecord;
import com.mplifecycle.aws.store.AppCampaigns;
import com.mplifecycle.aws.store.DispatchStore;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.aws.wechat.AccessTokenCache;
import com.mplifecycle.aws.wechat.SendResult;
import com.mplifecycle.aws.wechat.WeChatClient;
import com.mplifecycle.aws.wechat.WeChatFailure;
import com.mplifecycle.aws.wechat.WeChatUnavailableException;
import com.mplifecycle.domain.campaign.CreditLedger;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.wechat.SubscribeMessage;

/**
 * Sends one claimed record ({@code SENDING}) and records the outcome. WeChat's answer decides:
 * <ul>
 *   <li>sent: {@code SENT} with the msgid;</li>
 *   <li>40001/40014/42001: the cached token is invalidated and the send tried once more with a fresh one;</li>
 *   <li>-1, 45009, 45011, 43108, a token that cannot be had, and no WeChat credentials for the app in
 *       the secret ({@code no_credentials}, an app being onboarded): {@code RETRY}, due after a backoff
 *       (45009, the daily quota: the next day's first sending hour), moved past quiet hours; after
 *       {@link #MAX_ATTEMPTS} it is {@code FAILED} and the credit is given back. A rate limit (45009,
 *       45011) also pauses the app's sends until that retry is due ({@link SendPauseBook});</li>
 *   <li>43101: {@code FAILED}; the credit stays spent (WeChat has none left) and it is not retried;</li>
 *   <li>any other errcode: {@code FAILED}, credit given back (WeChat did not use it);</li>
 *   <li>no answer (timeout, network): {@code UNKNOWN} and never resent, since it may have arrived.</li>
 * </ul>
 */
final class PushSender {
    static final int MAX_ATTEMPTS = 6;
    static final Duration FIRST_BACKOFF = Duration.ofMinutes(5);
    static final Duration MAX_BACKOFF = Duration.ofHours(6);
    static final int DAILY_QUOTA = 45009;

    private final WeChatClient wechat;
    private final AccessTokenCache tokens;
    private final Secrets secrets;
    private final DispatchStore records;
    private final ProfileStore profiles;
    private final SendPauseBook pauses;

    PushSender(WeChatClient wechat, AccessTokenCache tokens, Secrets secrets, DispatchStore records,
               ProfileStore profiles, SendPauseBook pauses) {
        this.pauses = pauses;
        this.wechat = wechat;
        this.tokens = tokens;
        this.secrets = secrets;
        this.records = records;
        this.profiles = profiles;
    }

    void send(DispatchRecord sending, String openid, AppCampaigns.App app, Instant now, DispatchTally tally) {
        WeChatAppCredentials credentials = secrets.app(sending.appId()).orElse(null);
        if (credentials == null) {
            // The app's WeChat credentials are not in the secret (yet): an app being onboarded. Wait for
            // them like for a busy WeChat; Secrets reads the secret again at once for an unknown app.
            retryOrFail(sending, 0, "no_credentials", app, now, tally);
            return;
        }
        SubscribeMessage message = new SubscribeMessage(openid, sending.templateId(), sending.page(), sending.data(),
                "formal", "zh_CN");
        SendResult result;
        try {
            result = sendWithFreshTokenOnce(sending.appId(), credentials, message);
        } catch (AccessTokenCache.TokenUnavailableException e) {
            retryOrFail(sending, e.errcode(), "token_unavailable", app, now, tally);
            return;
        } catch (WeChatUnavailableException e) {
            if (e.refusedBeforeProcessing()) {
                // An HTTP error from WeChat's front (or no connection): not sent, so a retry cannot duplicate.
                retryOrFail(sending, 0, "wechat_http_error", app, now, tally);
            } else {
                finish(sending, sending.moved(DispatchRecord.Status.UNKNOWN, 0, 0, "no_answer", null), tally);
            }
            return;
        }
        if (result instanceof SendResult.Sent) {
            finish(sending, sending.moved(DispatchRecord.Status.SENT, 0, ((SendResult.Sent) result).msgid(), null,
                    null), tally);
            return;
        }
        SendResult.Failure failure = (SendResult.Failure) result;
        if (failure.isNoSubscription()) {
            finish(sending, sending.moved(DispatchRecord.Status.FAILED, failure.errcode(), 0, "no_subscription",
                    null), tally);
        } else if (failure.isRetryableLater() || failure.isTokenInvalid()) {
            retryOrFail(sending, failure.errcode(), "wechat_busy", app, now, tally);
        } else {
            finish(sending, sending.moved(DispatchRecord.Status.FAILED, failure.errcode(), 0, "refused", null), tally);
            refund(sending);
        }
    }

    private SendResult sendWithFreshTokenOnce(String appId, WeChatAppCredentials credentials, SubscribeMessage m) {
        String token = tokens.token(appId, credentials);
        SendResult result = wechat.sendSubscribeMessage(token, m);
        if (result instanceof SendResult.Failure && ((SendResult.Failure) result).isTokenInvalid()) {
            tokens.invalidate(appId, token);
            result = wechat.sendSubscribeMessage(tokens.token(appId, credentials), m);
        }
        return result;
    }

    private void retryOrFail(DispatchRecord sending, int errcode, String reason, AppCampaigns.App app, Instant now,
                             DispatchTally tally) {
        if (sending.attempts() >= MAX_ATTEMPTS) {
            finish(sending, sending.moved(DispatchRecord.Status.FAILED, errcode, 0, "retries_exhausted", null), tally);
            refund(sending);
            return;
        }
        Instant due = errcode == DAILY_QUOTA ? nextDayStart(app, now) : now.plus(backoff(sending.attempts()));
        due = app.policy().quietEnd(due, app.zone());
        if (WeChatFailure.RATE_LIMITED.contains(errcode)) {
            pauses.pause(sending.appId(), due, errcode); // the app's other sends wait as long as this one
        }
        if (records.transition(sending.moved(DispatchRecord.Status.RETRY, errcode, 0, reason, due),
                DispatchRecord.Status.SENDING, sending.attempts())) {
            tally.retryLater.incrementAndGet();
        }
    }

    static Duration backoff(int attempts) {
        Duration d = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempts - 1, 10));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    /** The quota resets at midnight: the first moment of the next day that is not quiet. */
    private static Instant nextDayStart(AppCampaigns.App app, Instant now) {
        return LocalDate.ofInstant(now, app.zone()).plusDays(1).atStartOfDay(app.zone()).toInstant();
    }

    private void finish(DispatchRecord sending, DispatchRecord outcome, DispatchTally tally) {
        if (!records.transition(outcome, DispatchRecord.Status.SENDING, sending.attempts())) {
            return;
        }
        if (outcome.status() == DispatchRecord.Status.SENT) {
            tally.sent.incrementAndGet();
        } else {
            tally.failed.incrementAndGet();
        }
    }

    /** WeChat did not use the credit: give it back, conditional on the profile version like every write. */
    private void refund(DispatchRecord sending) {
        for (int attempt = 0; attempt < CustomerDispatcher.MAX_ATTEMPTS; attempt++) {
            CustomerProfile p = profiles.load(sending.appId(), sending.customerId()).orElse(null);
            if (p == null) {
                return;
            }
            CustomerProfile refunded = CreditLedger.refund(p, sending.templateId(), sending.grantId());
            if (refunded.equals(p) || profiles.save(refunded).isPresent()) {
                return;
            }
        }
    }
}
