package com.mplifecycle.aws.wechat;

/** What {@code subscribe/send} answered. Sent means accepted; delivery is reported later by event push. */
public sealed interface SendResult permits SendResult.Sent, SendResult.Failure {

    /** @param msgid WeChat's id for the message, matched later in {@code subscribe_msg_sent_event}; 0 if absent */
    record Sent(long msgid) implements SendResult {
    }

    /** WeChat refused: see {@link WeChatFailure} for the classifications. */
    record Failure(int errcode, String errmsg) implements SendResult, WeChatFailure {
    }
}
