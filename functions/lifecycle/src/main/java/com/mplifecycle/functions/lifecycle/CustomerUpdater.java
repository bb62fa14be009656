package com.mplifecycle.functions.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mplifecycle.aws.store.ChunkRecord;
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
 * Load → fold → conditional write for one customer. The stage changes are written with the profile
 * ({@link ProfileStore#save(CustomerProfile, Instant, List)}) and published from the profiles table's
 * stream once committed ({@link StageChangeRelay}), so consumers never see an event before its
 * profile; if the write loses a race, the fold is redone on the fresh profile. A stage change
 * recorded long after it happened (late events) keeps when it was recorded, for campaign windows.
 *
 * <p>Feedback items and sharing records are written before the profile, each keyed by what it records:
 * a record redelivered after a failed write writes them again and changes nothing.
 *
 * <p>An erased customer's records that the events table received before the erasure are dropped
 * (the stream and retries can deliver them after it); later records start a new profile.
 */
final class CustomerUpdater {
    static final int MAX_ATTEMPTS = 4;
    /** A stage change older than this when recorded was found late (see {@code CustomerProfile.stageRecordedAt}). */
    static final Duration LATE = Duration.ofHours(1);

    /** {@code funnelReached}: the funnel steps the write newly recorded, per local day, to be counted. */
    record Outcome(boolean written, int stageChanges, Map<LocalDate, List<FunnelStep>> funnelReached) {
        static final Outcome NOTHING = new Outcome(false, 0, Map.of());
    }

    private final ProfileStore profiles;
    private final AppStore apps;
    private final CampaignOutcomeCounters campaignCounters;
    private final Clock clock;
    private final FeedbackStore feedback;
    private final SharingStore sharing;

    CustomerUpdater(ProfileStore profiles, AppStore apps, CampaignOutcomeCounters campaignCounters, Clock clock,
                    FeedbackStore feedback, SharingStore sharing) {
        this.profiles = profiles;
        this.apps = apps;
        this.campaignCounters = campaignCounters;
        this.clock = clock;
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
            Optional<CustomerProfile> saved = profiles.save(recorded(after, result.changes()), erasedAt,
                    result.changes());
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

    /** The profile with when its new stage was recorded, if that is late. */
    private CustomerProfile recorded(CustomerProfile p, List<StageChange> changes) {
        Instant now = clock.instant();
        if (changes.isEmpty() || p.stageSince() == null || !p.stageSince().plus(LATE).isBefore(now)) {
            return p;
        }
        return p.toBuilder().stage(p.stage(), p.stageSince(), now).build();
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
