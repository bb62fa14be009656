package com.mplifecycle.functions.dispatch;

import java.time.Instant;
import java.util.List;

import com.mplifecycle.aws.store.DispatchRecord;
import com.mplifecycle.aws.store.AppCampaigns;
import com.mplifecycle.aws.store.DispatchStore;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.domain.profile.CustomerProfile;

/**
 * Sends the records whose retry is due. Taking one is a conditional move from {@code RETRY} at its
 * attempt count to {@code SENDING} at the next, so of two dispatchers that find the same record only
 * one sends it. A retry does not re-plan: the decision, its credit and its place under the cap were
 * settled when it was claimed.
 */
final class RetryQueue {
    static final int BATCH = 500;

    private final DispatchStore records;
    private final ProfileStore profiles;
    private final PushSender sender;
    private final SendPauseBook pauses;

    RetryQueue(DispatchStore records, ProfileStore profiles, PushSender sender, SendPauseBook pauses) {
        this.pauses = pauses;
        this.records = records;
        this.profiles = profiles;
        this.sender = sender;
    }

    void sendDue(AppCampaigns apps, Instant now, DispatchTally tally) {
        List<DispatchRecord> due = records.dueRetries(now, BATCH);
        for (DispatchRecord r : due) {
            AppCampaigns.App app = apps.of(r.appId(), now);
            if (app.policy().isQuiet(now, app.zone())) {
                records.transition(r.moved(DispatchRecord.Status.RETRY, r.errcode(), 0, r.reason(),
                        app.policy().quietEnd(now, app.zone())), DispatchRecord.Status.RETRY, r.attempts());
                continue;
            }
            java.util.Optional<Instant> paused = pauses.pausedUntil(r.appId(), now);
            if (paused.isPresent()) {
                // WeChat rate-limited the app meanwhile: wait for the pause's end, not a turn of the backoff
                records.transition(r.moved(DispatchRecord.Status.RETRY, r.errcode(), 0, r.reason(), paused.get()),
                        DispatchRecord.Status.RETRY, r.attempts());
                continue;
            }
            CustomerProfile p = profiles.load(r.appId(), r.customerId()).orElse(null);
            DispatchRecord taken = r.nextAttempt();
            if (p == null || !records.transition(taken, DispatchRecord.Status.RETRY, r.attempts())) {
                continue;
            }
            sender.send(taken, p.openid(), app, now, tally);
        }
    }
}
