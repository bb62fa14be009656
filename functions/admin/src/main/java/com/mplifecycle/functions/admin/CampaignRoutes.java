package com.mplifecycle.functions.admin;

import java.util.Map;

import com.mplifecycle.aws.http.ApiResponse;
import com.mplifecycle.aws.http.ApiResponses;
import com.mplifecycle.aws.http.JsonBody;
import com.mplifecycle.aws.store.CampaignStore;
import com.mplifecycle.domain.campaign.CampaignJson;
import com.mplifecycle.domain.campaign.CampaignReader;

/**
 * {@code PUT/GET/DELETE /v1/apps/{appId}/campaigns/{campaignId}}. PUT replaces the whole campaign and
 * answers it as stored; an invalid one is a 400 listing every field with its reason.
 */
final class CampaignRoutes {
    static final int MAX_BODY_BYTES = 16 * 1024;

    private final CampaignStore campaigns;

    CampaignRoutes(CampaignStore campaigns) {
        this.campaigns = campaigns;
    }

    ApiResponse put(AdminRequest request) {
        String id = request.id("campaignId");
        Map<String, Object> json = JsonBody.object(request.http().body(), MAX_BODY_BYTES, "(a campaign)");
        CampaignReader.Result result = CampaignReader.read(id, json);
        if (result instanceof CampaignReader.Invalid invalid) {
            return InvalidBody.answer("campaign", invalid.errors(), request.requestId());
        }
        campaigns.put(request.appId(), ((CampaignReader.Valid) result).campaign());
        return ApiResponses.json(200, CampaignJson.of(((CampaignReader.Valid) result).campaign()));
    }

    ApiResponse get(AdminRequest request) {
        return campaigns.get(request.appId(), request.id("campaignId"))
                .map(c -> ApiResponses.json(200, CampaignJson.of(c)))
                .orElseGet(() -> ApiResponses.error(404, "no such campaign", request.requestId()));
    }

    ApiResponse delete(AdminRequest request) {
        return campaigns.delete(request.appId(), request.id("campaignId")) ? ApiResponses.noContent()
                : ApiResponses.error(404, "no such campaign", request.requestId());
    }
}
