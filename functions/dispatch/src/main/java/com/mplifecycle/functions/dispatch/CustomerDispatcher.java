package com.mplifecycle.functions.dispatch;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import com.mplifecycle.aws.store.AppCampaigns;
import com.mplifecycle.aws.store.DispatchRecord;
import com.mplifecycle.aws.store.DispatchStore;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.domain.campaign.DispatchPlanner;
import com.mplifecycle.domain.campaign.PushDecision;
import com.mplifecycle.domain.profile.CustomerProfile;

/**
 * Decides and pushes for one customer: plan (pure), claim the push decision together with the
 * profile write (conditional both), send, then record the skipped occurrences. A lost race (another
 * dispatcher decided the occurrence, or the profile changed) reloads and plans again, so the cap and
 * the priority order hold across concurrent dispatchers. Afterwards the customer's place in the due index
 * is what is left to decide ({@link AppCampaigns.App#nextDue} with the records): written with the claim,
 * or moved on its own when nothing was pushed, so a customer read from the index is not read again
 * before something is due. While WeChat rate-limits the app ({@link SendPauseBook}) nothing is decided for
 * it: the customer moves in the index to the pause's end, so a large launch slows down instead of claiming
 * sends WeChat would refuse.
 */
final class CustomerDispatcher {
    static final int MAX_ATTEMPTS = 4;

    private final ProfileStore profiles;
    private final DispatchStore records;
    private final PushSender sender;
    private final SendPauseBook pauses;

    CustomerDispatcher(ProfileStore profiles, DispatchStore records, PushSender sender, SendPauseBook pauses) {
        this.profiles = profiles;
        this.records = records;
        this.sender = sender;
        this.pauses = pauses;
    }

    /** True when something is due for the customer (no I/O): the sweep's filter. */
    static boolean anythingDue(CustomerProfile p, AppCampaigns.App app, Instant now) {
        return !app.campaigns().isEmpty() && !app.planner().dueKeys(p, app.campaigns(), now).isEmpty();
    }

    void dispatch(CustomerProfile loaded, AppCampaigns.App app, Instant now, DispatchTally tally) {
        if (!anythingDue(loaded, app, now)) {
            reindex(loaded, app, Set.of(), now);
            return;
        }
        tally.customers.incrementAndGet();
        if (app.policy().isQuiet(now, app.zone())) {
            // nothing is decided in quiet hours, whatever is recorded: no need to read the records
            tally.deferred.incrementAndGet();
            reindex(loaded, app, Set.of(), now);
            return;
        }
        Optional<Instant> paused = pauses.pausedUntil(loaded.appId(), now);
        if (paused.isPresent()) {
            // WeChat rate-limited the app: decide nothing now (no claim, no record), come back when the pause ends
            tally.paused.incrementAndGet();
            profiles.setDue(loaded, paused);
            return;
        }
        CustomerProfile p = loaded;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            boolean pushed = false;
            Set<String> decided = new HashSet<>(records.decided(p.appId(), p.customerId()));
            DispatchPlanner.Plan plan = app.planner().plan(p, app.campaigns(), decided, now);
            if (plan.deferredUntil() != null) {
                tally.deferred.incrementAndGet();
                reindex(p, app, decided, now);
                return;
            }
            plan.decisions().forEach(d -> decided.add(DispatchPlanner.key(d.campaign().id(), d.occurrence())));
            Optional<PushDecision> push = plan.push();
            if (push.isPresent()) {
                DispatchRecord record = DecisionRecords.of(p, push.get(), now);
                DispatchStore.Claim claim = records.claim(record, plan.profileAfter(),
                        app.nextDue(plan.profileAfter(), decided, now));
                if (claim != DispatchStore.Claim.CLAIMED) {
                    tally.duplicates.incrementAndGet();
                    p = profiles.load(p.appId(), p.customerId()).orElse(p);
                    continue;
                }
                pushed = true;
                if (push.get() instanceof PushDecision.Send) {
                    sender.send(record, p.openid(), app, now, tally);
                } else {
                    tally.holdout.incrementAndGet();
                }
            }
            CustomerProfile decidedFor = p;
            plan.decisions().stream().filter(d -> d instanceof PushDecision.Skip)
                    .forEach(d -> {
                        if (records.recordOnce(DecisionRecords.of(decidedFor, d, now))) {
                            tally.skipped.incrementAndGet();
                        }
                    });
            if (!pushed) {
                reindex(p, app, decided, now);
            }
            return;
        }
        throw new IllegalStateException("customer kept changing under the dispatcher after " + MAX_ATTEMPTS
                + " attempts");
    }

    /** Puts the customer where the due index should have it now; a profile written meanwhile keeps its own. */
    private void reindex(CustomerProfile p, AppCampaigns.App app, Set<String> decided, Instant now) {
        profiles.setDue(p, app.nextDue(p, decided, now));
    }
}
