package com.mplifecycle.devtools.wechat;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import com.mplifecycle.domain.wechat.SubscribeMessage;

/**
 * A {@code subscribe/send} call the stand-in received, and how it answered.
 *
 * @param receivedAt on the stand-in's clock
 * @param message what the body asked for (empty fields when the body was not JSON)
 * @param httpStatus the HTTP status answered; not 200 only under an injected HTTP fault
 * @param errcode the errcode answered, 0 when sent
 * @param errmsg the errmsg answered
 * @param msgid the msgid of a sent message, 0 when not sent
 */
public record ReceivedMessage(Instant receivedAt, SubscribeMessage message, int httpStatus, int errcode,
        String errmsg, long msgid) {

    public ReceivedMessage {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(errmsg, "errmsg");
    }

    /** Whether WeChat would deliver it: HTTP 200, errcode 0. */
    public boolean sent() {
        return httpStatus == 200 && errcode == 0;
    }

    public String touser() {
        return message.touser();
    }

    public String templateId() {
        return message.templateId();
    }

    public Map<String, String> data() {
        return message.data();
    }
}
