package com.mplifecycle.devtools.wechat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.mplifecycle.domain.wechat.SubscribeMessage;
import com.mplifecycle.domain.wechat.SubscribeMessageRules;
import com.mplifecycle.domain.wechat.SubscribeMessageRules.Violation;

/**
 * {@code POST /cgi-bin/message/subscribe/send}: checks the token, the envelope, the keyword values and
 * the user's one-time subscription credits, in that order, and answers with the first problem found.
 *
 * <p>Credits are per (openid, template id): each accepted subscription adds one, each sent message
 * spends one. Templates are free-form until one is registered; then only registered ones exist.
 */
final class SubscribeSendApi {
    private final StableTokenApi tokens;
    private final Map<String, Integer> creditsByUserTemplate = new HashMap<>();
    /** (openid, template) pairs the user turned off in WeChat's settings: 43101 whatever the credits. */
    private final Set<String> switchedOff = new HashSet<>();
    private final Set<String> templates = new HashSet<>();
    private final AtomicLong lastMsgid = new AtomicLong(2_004_000_000_000_000_000L);
    private boolean enforceCredits = true;

    SubscribeSendApi(StableTokenApi tokens) {
        this.tokens = tokens;
    }

    synchronized void registerTemplate(String templateId) {
        templates.add(templateId);
    }

    synchronized void acceptSubscription(String openid, String templateId, int times) {
        creditsByUserTemplate.merge(openid + '\n' + templateId, times, Integer::sum);
    }

    synchronized void switchOff(String openid, String templateId) {
        switchedOff.add(openid + '\n' + templateId);
    }

    synchronized int credits(String openid, String templateId) {
        return creditsByUserTemplate.getOrDefault(openid + '\n' + templateId, 0);
    }

    synchronized void enforceCredits(boolean enforce) {
        this.enforceCredits = enforce;
    }

    synchronized WireAnswer answer(String accessToken, SendRequest request) {
        if (accessToken == null || accessToken.isEmpty()) {
            return WireAnswer.error(41001);
        }
        StableTokenApi.TokenStatus status = tokens.statusOf(accessToken);
        if (status == StableTokenApi.TokenStatus.INVALID) {
            return WireAnswer.error(40001);
        }
        if (status == StableTokenApi.TokenStatus.EXPIRED) {
            return WireAnswer.error(42001);
        }
        if (!request.wellFormed()) {
            return WireAnswer.error(47001);
        }
        SubscribeMessage message = request.message();
        WireAnswer envelopeProblem = envelopeProblem(message);
        if (envelopeProblem != null) {
            return envelopeProblem;
        }
        List<Violation> dataViolations = SubscribeMessageRules.checkData(message.data());
        if (!dataViolations.isEmpty()) {
            Violation first = dataViolations.get(0);
            String field = first.key().equals("data") ? "data" : "data." + first.key() + ".value";
            return WireAnswer.error(47003, "argument invalid! " + field + " " + first.reason());
        }
        String creditKey = message.touser() + '\n' + message.templateId();
        if (enforceCredits && (creditsByUserTemplate.getOrDefault(creditKey, 0) < 1
                || switchedOff.contains(creditKey))) {
            return WireAnswer.error(43101);
        }
        creditsByUserTemplate.computeIfPresent(creditKey, (key, credits) -> credits - 1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errcode", 0);
        body.put("errmsg", "ok");
        body.put("msgid", lastMsgid.incrementAndGet());
        return WireAnswer.success(body);
    }

    /** The envelope problem WeChat reports first, or null; each field has its own errcode. */
    private WireAnswer envelopeProblem(SubscribeMessage message) {
        if (message.touser().isBlank()) {
            return WireAnswer.error(40003);
        }
        if (message.templateId().isBlank() || (!templates.isEmpty() && !templates.contains(message.templateId()))) {
            return WireAnswer.error(40037);
        }
        for (Violation violation : SubscribeMessageRules.checkEnvelope(message)) {
            if (violation.key().equals("page")) {
                return WireAnswer.error(41030);
            }
            return WireAnswer.error(47003, "argument invalid! " + violation.key() + " " + violation.reason());
        }
        return null;
    }
}
