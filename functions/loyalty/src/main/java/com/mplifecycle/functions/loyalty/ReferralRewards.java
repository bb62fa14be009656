package com.mplifecycle.functions.loyalty;

import java.time.Instant;

import com.mplifecycle.aws.log.JsonLogger;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.domain.loyalty.LedgerEntry;
import com.mplifecycle.domain.loyalty.ReferralRules;
import com.mplifecycle.domain.profile.Referral;

/**
 * The sharer's side of a referral reward ({@link ReferralRules}). The referred customer's welcome and its
 * reversal are written with their order and refund (one change of their account); the sharer's reward and
 * its reversal follow in a change of the sharer's account, whenever the referred customer's ledger shows
 * the welcome granted or taken back by that order or refund: now, or before (a redelivery after a failure
 * between the two writes then completes it; otherwise the sharer's cause is already recorded and nothing
 * changes). A sharer who was erased (no profile) earns nothing: no account is created for them again.
 */
final class ReferralRewards {
    private final Accounts accounts;
    private final ProfileStore profiles;
    private final JsonLogger log;

    ReferralRewards(Accounts accounts, ProfileStore profiles, JsonLogger log) {
        this.accounts = accounts;
        this.profiles = profiles;
        this.log = log;
    }

    /** The referred customer's welcome entry, null when none was granted. */
    LedgerEntry welcome(String appId, String customerId) {
        return accounts.store().entry(appId, customerId, ReferralRules.welcomeCause()).orElse(null);
    }

    /**
     * After a referred customer's server order was applied: rewards the sharer when the order is the one
     * the welcome was granted for.
     *
     * @param welcomeBefore the welcome as read before the order was applied
     */
    void afterOrder(ReferralRules rules, String appId, String customerId, Referral referral, LedgerEntry welcomeBefore,
                    String orderId, Accounts.Applied applied, Instant now) {
        boolean granted = applied instanceof Accounts.Applied.Done done && ReferralRules.grantsWelcome(done.change())
                || applied instanceof Accounts.Applied.Already && welcomeBefore != null
                && orderId.equals(welcomeBefore.ref());
        if (!granted || profiles.load(appId, referral.sharerId()).isEmpty()) {
            return;
        }
        Accounts.Applied sharer = accounts.apply(appId, referral.sharerId(),
                a -> rules.sharerRewarded(a, customerId, now));
        if (sharer instanceof Accounts.Applied.Done) {
            log.info(null, "referral rewarded", "appId", appId, "sharerId", referral.sharerId(), "customerId",
                    customerId, "orderId", orderId);
        }
    }

    /**
     * After a referred customer's server refund was applied: takes the sharer's reward back when the refund
     * is the one that took the welcome back.
     *
     * @param welcome the welcome as read before the refund was applied
     */
    void afterRefund(ReferralRules rules, String appId, String customerId, Referral referral, LedgerEntry welcome,
                     String orderId, Accounts.Applied applied, Instant now) {
        if (welcome == null || !orderId.equals(welcome.ref())) {
            return;
        }
        boolean takenBack = applied instanceof Accounts.Applied.Done done
                ? ReferralRules.takesWelcomeBack(done.change())
                : applied instanceof Accounts.Applied.Already && accounts.store().entry(appId, customerId,
                        ReferralRules.welcomeRefundedCause()).isPresent();
        if (!takenBack) {
            return;
        }
        LedgerEntry reward = accounts.store().entry(appId, referral.sharerId(), ReferralRules.sharerCause(customerId))
                .orElse(null);
        if (reward == null) {
            return; // nothing was granted: nothing to take back
        }
        Accounts.Applied sharer = accounts.apply(appId, referral.sharerId(),
                a -> rules.sharerRefunded(a, reward, customerId, now));
        if (sharer instanceof Accounts.Applied.Done) {
            log.info(null, "referral reward taken back", "appId", appId, "sharerId", referral.sharerId(),
                    "customerId", customerId, "orderId", orderId);
        }
    }
}
