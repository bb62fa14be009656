package com.mplifecycle.local.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo's last lines: where to look next, with the admin key and the admin API calls that read the
 * statistics the summary just printed (stages, the RFM grid, one campaign's pushes).
 */
public final class NextSteps {
    private NextSteps() {
    }

    /**
     * @param consoleUrl the operators' console, or null while there is none
     * @param campaignId a campaign whose statistics the summary printed
     */
    public static List<String> lines(String apiUrl, String appId, String adminKey, String consoleUrl,
                                     String campaignId) {
        List<String> lines = new ArrayList<>();
        lines.add("Where to look next:");
        if (consoleUrl != null) {
            lines.add("  console:   " + consoleUrl + "  (sign in with the admin key)");
        }
        lines.add("  admin key: " + adminKey + "  (app " + appId + ", header Authorization: Bearer <key>)");
        lines.add("  the statistics above, from the admin API:");
        for (String path : statisticsPaths(appId, campaignId)) {
            lines.add("    curl -H 'Authorization: Bearer " + adminKey + "' " + apiUrl + path);
        }
        lines.add("  every route: docs/openapi.yaml; the runtime's controls: " + apiUrl + "/_local/health");
        return lines;
    }

    /** Customers per stage, buyers per RFM segment, one campaign's pushes and conversions. */
    static List<String> statisticsPaths(String appId, String campaignId) {
        String base = "/v1/apps/" + appId + "/stats/";
        return List.of(base + "stages", base + "segments", base + "campaigns/" + campaignId);
    }
}
