package com.mplifecycle.local.campaigns;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mplifecycle.aws.json.Json;
import com.mplifecycle.domain.campaign.DefaultCampaigns;
import com.mplifecycle.domain.profile.CustomerIds;

/**
 * {@code default-campaigns}: the seed scenarios as a campaign set an app starts from. Without
 * {@code --install} it prints them (campaign id → campaign JSON) to edit; with
 * {@code --install --app APP --admin-key KEY [--api URL]} it PUTs each through the admin API of a
 * running system — the local runtime by default, or a deployed stack's API URL.
 */
public final class DefaultCampaignsCommand {
    static final String USAGE = "usage: default-campaigns [--install --app APP --admin-key KEY [--api URL]]";

    private DefaultCampaignsCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        boolean install = false;
        String app = null;
        String key = null;
        URI api = URI.create("http://127.0.0.1:3000");
        List<String> rest = new ArrayList<>(args);
        try {
            while (!rest.isEmpty()) {
                String flag = rest.remove(0);
                switch (flag) {
                    case "--install" -> install = true;
                    case "--app" -> app = value(rest, flag);
                    case "--admin-key" -> key = value(rest, flag);
                    case "--api" -> api = URI.create(value(rest, flag).replaceAll("/+$", "") + "/");
                    default -> throw new IllegalArgumentException("unknown flag " + flag);
                }
            }
            if (install && (!CustomerIds.isValidAppId(app) || key == null)) {
                throw new IllegalArgumentException("--install needs --app APP and --admin-key KEY");
            }
        } catch (IllegalArgumentException e) {
            err.println("default-campaigns: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Map<String, Map<String, Object>> campaigns = DefaultCampaigns.json();
        if (!install) {
            out.println(Json.write(campaigns));
            return 0;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int failed = 0;
        for (Map.Entry<String, Map<String, Object>> c : campaigns.entrySet()) {
            URI uri = api.resolve("v1/apps/" + app + "/campaigns/" + c.getKey());
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                        .header("authorization", "Bearer " + key).header("content-type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(Json.write(c.getValue()))).build(),
                        HttpResponse.BodyHandlers.ofString());
                out.println(c.getKey() + ": " + r.statusCode());
                failed += r.statusCode() == 200 ? 0 : 1;
                if (r.statusCode() != 200) {
                    err.println(c.getKey() + ": " + r.body());
                }
            } catch (Exception e) {
                err.println(c.getKey() + ": " + e.getMessage());
                failed++;
            }
        }
        return failed == 0 ? 0 : 1;
    }

    private static String value(List<String> rest, String flag) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return rest.remove(0);
    }
}
