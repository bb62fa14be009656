package com.mplifecycle.domain.campaign;

import java.util.Objects;

import com.mplifecycle.domain.wechat.SubscribeMessage;

/** What the dispatcher decided for one (campaign, customer, occurrence); each is recorded once. */
public sealed interface PushDecision permits PushDecision.Send, PushDecision.Holdout, PushDecision.Skip {
    Campaign campaign();

    String occurrence();

    /** Send {@code message}, spending the credit {@code grantId}. */
    record Send(Campaign campaign, String occurrence, String variant, SubscribeMessage message, String grantId)
            implements PushDecision {
        public Send {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(grantId, "grantId");
        }
    }

    /** In the campaign's holdout group: recorded as if pushed (for lift), nothing sent, no credit spent. */
    record Holdout(Campaign campaign, String occurrence, String variant) implements PushDecision {
    }

    /** Due but not pushed, and why. */
    record Skip(Campaign campaign, String occurrence, SkipReason reason) implements PushDecision {
    }

    /** Why a due occurrence was not pushed. */
    enum SkipReason {
        /** No unspent subscribe credit for the campaign's template. */
        NO_CREDIT,
        /** The customer had a push decision within the app's cap (24 h by default). */
        CAP,
        /** A higher-priority campaign was pushed to this customer in the same decision. */
        LOWER_PRIORITY,
        /** The keyword values after placeholders break WeChat's rules. */
        INVALID_DATA,
        /** The profile has no openid to send to. */
        NO_OPENID
    }
}
