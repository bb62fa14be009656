package com.mplifecycle.functions.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mplifecycle.aws.bus.StageChangePublisher;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.CampaignOutcomeCounters;
import com.mplifecycle.aws.store.FeedbackStore;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.aws.store.SharingStore;
import com.mplifecycle.aws.store.StoredCustomer;
import com.mplifecycle.aws.store.TableKeys;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.domain.feedback.FeedbackItem;
import com.mplifecycle.domain.funnel.FunnelStep;
import com.mplifecycle.domain.lifecycle.ProfileFolder;
import com.mplifecycle.domain.lifecycle.StageChange;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.LastPush;
import com.mplifecycle.domain.sharing.ShareActivity;

/**
 * Load → fold → publish → conditional write for one customer. Stage changes are published
 * before the profile is written: if publishing fails nothing is written and the redelivered
 * records publish again; if the write then loses a race, the fold is redone on the fresh profile.
 * Delivery of {@code CustomerStageChanged} is therefore at least once; consumers key on
 * (customer, stage, at).
 *
 * <p>Feedback items and sharing records are written before the profile, each keyed by what it records:
 * a record redelivered after a failed write writes them again and changes nothing.
 *
 * <p>An erased customer's records that the events table received before the erasure are dropped
 * (the stream and retries can deliver them after it); later records start a new profile.
 */
final class CustomerUpdater {
    static final int MAX_ATTEMPTS = 4;

    /** {@code funnelReached}: the funnel steps the write newly recorded, per local day, to be counted. */
    record Outcome(boolean written, int stageChanges, Map<LocalDate, List<FunnelStep>> funnelReached) {
        static final Outcome NOTHING = new Outcome(false, 0, Map.of());
    }

    private final ProfileStore profiles;
    private final AppStore apps;
    private final StageChangePublisher publisher;
    private final CampaignOutcomeCounters campaignCounters;
    private final FeedbackStore feedback;
    private final SharingStore sharing;

    CustomerUpdater(ProfileStore profiles, AppStore apps, StageChangePublisher publisher,
                    CampaignOutcomeCounters campaignCounters, FeedbackStore feedback, SharingStore sharing) {
        this.profiles = profiles;
        this.apps = apps;
        this.publisher = publisher;
        this.campaignCounters = campaignCounters;
        this.feedback = feedback;
        this.sharing = sharing;
    }

    Map<String, StoredCustomer> load(List<String> customerKeys) {
        return profiles.loadForFold(customerKeys);
    }

    Outcome update(String customerKey, List<ChunkRecord> records, StoredCustomer loaded) {
        String appId = TableKeys.appOf(customerKey);
        String customerId = TableKeys.customerOf(customerKey);
        AppSettings settings = apps.settingsOrDefaults(appId);
        ProfileFolder folder = new ProfileFolder(settings);
        StoredCustomer stored = loaded == null ? new StoredCustomer(CustomerProfile.empty(appId, customerId), null)
                : loaded;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            CustomerProfile before = stored.profile();
            Instant erasedAt = stored.erasedAt();
            List<ChunkRecord> kept = erasedAt == null ? records
                    : records.stream().filter(r -> r.receivedAfter(erasedAt)).toList();
            if (kept.isEmpty()) {
                return Outcome.NOTHING;
            }
            List<TrackedEvent> events = new ArrayList<>();
            String openid = null;
            for (ChunkRecord r : kept) {
                events.addAll(r.events());
                openid = openid == null ? r.openid() : openid;
            }
            ProfileFolder.Result result = folder.fold(before, openid, events);
            ShareActivity shares = shareActivity(appId, before, events);
            CustomerProfile after = shares.applyTo(result.profile());
            receiveFeedback(appId, customerId, events, after);
            if (!shares.isEmpty()) {
                sharing.record(appId, shares, settings.timeZone());
            }
            if (after.equals(before)) {
                return Outcome.NOTHING; // nothing new, the funnel included: a redelivery
            }
            List<StageChange> unpublished = publisher.publish(result.changes());
            if (!unpublished.isEmpty()) {
                throw new IllegalStateException(unpublished.size() + " stage changes not published");
            }
            Optional<CustomerProfile> saved = profiles.save(after, erasedAt);
            if (saved.isPresent()) {
                countConversion(before.lastPush(), saved.get().lastPush(), appId);
                // only the write that stored the progress counts it: a redelivery advances nothing
                return new Outcome(true, result.changes().size(), result.funnelReached());
            }
            stored = profiles.loadForFold(appId, customerId)
                    .orElse(new StoredCustomer(CustomerProfile.empty(appId, customerId), null));
        }
        throw new IllegalStateException("profile kept changing under us after " + MAX_ATTEMPTS + " attempts");
    }

    /** Shares and opens of shares in the events; sharers are looked up only when the events open a share. */
    private ShareActivity shareActivity(String appId, CustomerProfile before, List<TrackedEvent> events) {
        java.util.Set<String> opened = ShareActivity.openedShareIds(events);
        Map<String, String> sharers = opened.isEmpty() ? Map.of() : sharing.sharersOf(appId, opened);
        return ShareActivity.of(before, events, id -> Optional.ofNullable(sharers.get(id)));
    }

    /**
     * The events' feedback into the app's inbox, with the stage the fold left the customer in, before
     * the profile is written: a feedback event need not change the profile (an active day already
     * counted), and a record redelivered after a failed write finds its items there (stored once).
     */
    private void receiveFeedback(String appId, String customerId, List<TrackedEvent> events, CustomerProfile after) {
        List<FeedbackItem> items = new ArrayList<>();
        events.forEach(e -> FeedbackItem.received(customerId, e, after.stage()).ifPresent(items::add));
        if (!items.isEmpty()) {
            feedback.receive(appId, items);
        }
    }

    /**
     * A push this write converted counts once for its campaign and variant: only the write that
     * stored the conversion gets here (a redelivered order changes nothing and writes nothing).
     */
    private void countConversion(LastPush before, LastPush after, String appId) {
        boolean samePush = before != null && before.campaignId().equals(after == null ? null : after.campaignId())
                && java.util.Objects.equals(before.occurrence(), after.occurrence()) && before.at().equals(after.at());
        if (after != null && after.isConverted() && !(samePush && before.isConverted())) {
            campaignCounters.count(appId, after);
        }
    }
}
