package com.mplifecycle.functions.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import com.mplifecycle.aws.http.ApiResponse;
import com.mplifecycle.aws.http.ApiResponses;
import com.mplifecycle.aws.http.JsonBody;
import com.mplifecycle.aws.store.CampaignStore;
import com.mplifecycle.domain.campaign.CampaignJson;
import com.mplifecycle.domain.campaign.CampaignReader;
import com.mplifecycle.domain.campaign.DefaultCampaigns;

/**
 * {@code PUT/GET/DELETE /v1/apps/{appId}/campaigns/{campaignId}} and the list {@code GET /v1/apps/{appId}/campaigns}. PUT replaces the whole campaign and
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

    /** Every campaign of the app, as stored, by id. */
    ApiResponse list(AdminRequest request) {
        java.util.List<Object> list = new java.util.ArrayList<>();
        campaigns.list(request.appId()).forEach(c -> list.add(CampaignJson.of(c)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("appId", request.appId());
        body.put("campaigns", list);
        return ApiResponses.json(200, body);
    }

    /**
     * Installs the default set ({@link DefaultCampaigns}) for the app: each default whose id the app
     * has no campaign under yet; an existing one (maybe edited) is kept as it is.
     */
    ApiResponse installDefaults(AdminRequest request) {
        java.util.Set<String> existing = new java.util.HashSet<>();
        campaigns.list(request.appId()).forEach(c -> existing.add(c.id()));
        java.util.List<String> installed = new java.util.ArrayList<>();
        java.util.List<String> kept = new java.util.ArrayList<>();
        for (com.mplifecycle.domain.campaign.Campaign c : DefaultCampaigns.campaigns()) {
            if (existing.contains(c.id())) {
                kept.add(c.id());
            } else {
                campaigns.put(request.appId(), c);
                installed.add(c.id());
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("appId", request.appId());
        body.put("installed", installed);
        body.put("kept", kept);
        return ApiResponses.json(200, body);
    }

    ApiResponse delete(AdminRequest request) {
        return campaigns.delete(request.appId(), request.id("campaignId")) ? ApiResponses.noContent()
                : ApiResponses.error(404, "no such campaign", request.requestId());
    }
}
