package com.mplifecycle.local.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.aws.store.CampaignStore;
import com.mplifecycle.local.runtime.LocalRuntime;
import com.mplifecycle.local.runtime.RuntimeOptions;

/** The default campaign set: printed to edit, and installed for an app through the admin API. */
class DefaultCampaignsCommandE2ET {
    @Test
    void run_printsTheTenSeedCampaigns() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertEquals(0, DefaultCampaignsCommand.run(List.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err));

        JsonNode set = Json.read(out.toString(StandardCharsets.UTF_8), JsonNode.class);
        assertEquals(10, set.size());
        assertEquals("cart_abandoned", set.get("cart-abandoned").get("trigger").get("type").asText());
    }

    @Test
    void run_install_putsEachThroughTheAdminApi() throws Exception {
        String key = "install-admin-key-0123456789";
        try (LocalRuntime runtime = LocalRuntime.start(new RuntimeOptions(0, false, 0, 0, key, null))) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int code = DefaultCampaignsCommand.run(List.of("--install", "--app", "demo", "--admin-key", key, "--api",
                    runtime.apiUrl()), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
            int unauthorized = DefaultCampaignsCommand.run(List.of("--install", "--app", "demo", "--admin-key",
                    "wrong-key-0123456789", "--api", runtime.apiUrl()), System.out, System.err);

            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
            assertEquals(1, unauthorized);
            assertEquals(10, new CampaignStore(runtime.profilesClient(), "AppsTable").list("demo").size());
            assertTrue(new CampaignStore(runtime.profilesClient(), "AppsTable").get("demo", "birthday").isPresent());
        }
    }
}
