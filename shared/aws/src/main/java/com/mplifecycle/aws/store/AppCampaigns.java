package com.mplifecycle.aws.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.mplifecycle.domain.campaign.Campaign;
import com.mplifecycle.domain.campaign.DispatchPlanner;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.campaign.PushPolicy;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.CustomerScores;

/**
 * Each app's enabled campaigns, policy and time zone, kept per container for as long as
 * {@link AppStore} keeps settings: every stage change and every sweep page needs them, and they
 * change rarely. A campaign saved, paused or deleted through the admin API reaches dispatch within
 * {@link AppStore#CACHE_FOR}. Every profile writer uses it to keep the profile's place in the due index
 * ({@link #nextDue}); the backfill after a campaign change reads the campaigns afresh ({@link #fresh}).
 */
public final class AppCampaigns implements NextDue {
    /** What the planner needs of one app. */
    public record App(List<Campaign> campaigns, DispatchPlanner planner, ZoneId zone, PushPolicy policy) {
        /** The next moment a run has something to decide for {@code p} (see {@link DispatchPlanner#nextDue}). */
        public Optional<Instant> nextDue(CustomerProfile p, Set<String> decided, Instant now) {
            return campaigns.isEmpty() ? Optional.empty() : planner.nextDue(p, campaigns, decided, now);
        }
    }

    private final CampaignStore campaigns;
    private final AppStore apps;
    private record Cached(App app, Instant until) {
    }

    private final Map<String, Cached> loaded = new ConcurrentHashMap<>();
    private final Clock clock;

    public AppCampaigns(CampaignStore campaigns, AppStore apps, Clock clock) {
        this.campaigns = campaigns;
        this.apps = apps;
        this.clock = clock;
    }

    /**
     * The profile's next due moment as of the clock's now, from the cached campaigns, nothing decided;
     * never later than when every container's copy of the campaigns is surely newer than this one
     * (this copy's expiry plus {@link AppStore#CACHE_FOR}). A campaign created while this copy was
     * cached is unknown here, and the backfill after its creation may have passed this customer
     * before this write: the sweep then looks at the customer once more with fresh campaigns.
     */
    @Override
    public Optional<Instant> of(CustomerProfile p) {
        Instant now = clock.instant();
        Cached cached = cached(p.appId(), now);
        Instant surelyFresh = cached.until().plus(AppStore.CACHE_FOR);
        Optional<Instant> due = cached.app().nextDue(p, Set.of(), now);
        return Optional.of(due.filter(d -> d.isBefore(surelyFresh)).orElse(surelyFresh));
    }

    /** The app read now, bypassing and refreshing the cache. */
    public App fresh(String appId, Instant now) {
        App app = load(appId);
        loaded.put(appId, new Cached(app, now.plus(AppStore.CACHE_FOR)));
        return app;
    }

    /** The app as of {@code now} (the invocation's clock): from the cache while it is fresh. */
    public App of(String appId, Instant now) {
        return cached(appId, now).app();
    }

    private Cached cached(String appId, Instant now) {
        Cached cached = loaded.get(appId);
        if (cached == null || !now.isBefore(cached.until())) {
            cached = new Cached(load(appId), now.plus(AppStore.CACHE_FOR));
            loaded.put(appId, cached);
        }
        return cached;
    }

    private App load(String appId) {
        List<Campaign> enabled = campaigns.list(appId).stream().filter(Campaign::enabled).toList();
        AppSettings settings = apps.settingsOrDefaults(appId);
        ZoneId zone = settings.timeZone();
        PushPolicy policy = PushPolicy.from(settings.pushLimits());
        return new App(enabled, new DispatchPlanner(policy, zone, scores(enabled, settings)), zone, policy);
    }

    /** The app's last RFM run, read only when an audience names segments (they follow from it). */
    private CustomerScores scores(List<Campaign> enabled, AppSettings settings) {
        if (enabled.stream().allMatch(c -> c.audience().segments().isEmpty())) {
            return CustomerScores.NONE;
        }
        return apps.rfmRun(settings.appId()).map(run -> CustomerScores.of(run, settings.timeZone()))
                .orElse(CustomerScores.NONE);
    }
}
