package com.mplifecycle.functions.dispatch;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.CampaignStore;
import com.mplifecycle.domain.campaign.Campaign;
import com.mplifecycle.domain.campaign.DispatchPlanner;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.campaign.PushPolicy;
import com.mplifecycle.domain.profile.CustomerScores;

/**
 * Each app's enabled campaigns, policy and time zone, read once per invocation (a sweep reads
 * thousands of profiles of few apps; a stale campaign across invocations is not wanted).
 */
final class AppCampaigns {
    /** What the planner needs of one app. */
    record App(List<Campaign> campaigns, DispatchPlanner planner, ZoneId zone, PushPolicy policy) {
    }

    private final CampaignStore campaigns;
    private final AppStore apps;
    private final Map<String, App> loaded = new ConcurrentHashMap<>();

    AppCampaigns(CampaignStore campaigns, AppStore apps) {
        this.campaigns = campaigns;
        this.apps = apps;
    }

    App of(String appId) {
        return loaded.computeIfAbsent(appId, id -> {
            List<Campaign> enabled = campaigns.list(id).stream().filter(Campaign::enabled).toList();
            AppSettings settings = apps.settingsOrDefaults(id);
            ZoneId zone = settings.timeZone();
            PushPolicy policy = PushPolicy.from(settings.pushLimits());
            return new App(enabled, new DispatchPlanner(policy, zone, scores(enabled, settings)), zone, policy);
        });
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
