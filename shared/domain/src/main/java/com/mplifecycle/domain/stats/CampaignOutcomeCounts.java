package com.mplifecycle.domain.stats;

import java.util.Optional;

/**
 * Where a campaign's outcome counts come from: the campaign dispatcher maintains them as it
 * decides, sends and attributes conversions. Empty when nothing was counted for the campaign.
 */
@FunctionalInterface
public interface CampaignOutcomeCounts {
    Optional<CampaignOutcomes> of(String appId, String campaignId);
}
