package com.mplifecycle.local.demo;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.rfm.RfmSegment;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the demo left behind: customers per stage and D1/D7/D30 retention over cohorts old enough,
 * read from the profiles table; the RFM 8-cell grid of the last daily run and the pushes per
 * campaign and variant, from the admin API.
 */
public final class DemoSummary {
    private static final int[] RETENTION_DAYS = {1, 7, 30};

    private final Map<Stage, Integer> stages = new EnumMap<>(Stage.class);
    private final Map<RfmSegment, Integer> segments = new EnumMap<>(RfmSegment.class);
    private final int[] retained = new int[RETENTION_DAYS.length];
    private final int[] eligible = new int[RETENTION_DAYS.length];
    private int customers;

    private DemoSummary() {
    }

    /**
     * @param segments {@code GET /v1/apps/{appId}/stats/segments}'s {@code segments}: buyers per segment
     *     as of the last daily run
     */
    public static void print(DynamoDbClient db, String profilesTable, String appId, ZoneId zone, LocalDate today,
                             JsonNode segments, Map<String, JsonNode> campaignStatistics, PrintStream out) {
        DemoSummary s = new DemoSummary();
        for (RfmSegment segment : RfmSegment.values()) {
            s.segments.put(segment, segments.path(segment.name()).asInt());
        }
        new ProfileStore(db, profilesTable).scan(0, 1, page -> page.stream().filter(p -> appId.equals(p.appId()))
                .forEach(p -> s.add(p, zone, today)));
        s.write(out);
        writeCampaigns(campaignStatistics, out);
    }

    /** Share figures and the feedback inbox's counts, as the admin API answers them over the demo's days. */
    public static void printSharingAndFeedback(JsonNode sharing, JsonNode feedback, PrintStream out) {
        out.println("  sharing (GET /v1/apps/{appId}/stats/sharing):");
        JsonNode ratio = sharing.path("opensPerShare");
        out.printf("    %d sharers, %d shares, %d opens by others (%s per share), %d new customers through shares%n",
                sharing.path("sharers").asLong(), sharing.path("shares").asLong(), sharing.path("opens").asLong(),
                ratio.isNumber() ? String.format("%.2f", ratio.asDouble()) : "-", sharing.path("newCustomers").asLong());
        JsonNode top = sharing.path("topSharers").path(0);
        if (!top.isMissingNode()) {
            out.printf("    top sharer %s: %d shares, %d opens, %d new customers%n", top.path("customerId").asText(),
                    top.path("shares").asLong(), top.path("opens").asLong(), top.path("newCustomers").asLong());
        }
        out.println("  feedback inbox (GET /v1/apps/{appId}/stats/feedback):");
        JsonNode c = feedback.path("byCategory");
        JsonNode st = feedback.path("byStatus");
        out.printf("    %d items: %d bugs, %d suggestions, %d complaints; %d open, %d acknowledged, %d resolved%n",
                feedback.path("total").asLong(), c.path("bug").asLong(), c.path("suggestion").asLong(),
                c.path("complaint").asLong(), st.path("open").asLong(), st.path("acknowledged").asLong(),
                st.path("resolved").asLong());
        JsonNode complaints = feedback.path("complaints");
        out.printf("    complaints resolved in %s h (median), %s h (p90); %d open for 48 h or more%n",
                hours(complaints.path("medianHoursToResolve")), hours(complaints.path("p90HoursToResolve")),
                complaints.path("openOlderThan48h").asLong());
    }

    private static String hours(JsonNode n) {
        return n.isNumber() ? String.format("%.1f", n.asDouble()) : "-";
    }

    /** Per campaign and variant, from the admin API: decided, sent, failed, skipped, conversions, lift. */
    private static void writeCampaigns(Map<String, JsonNode> statistics, PrintStream out) {
        out.println("  pushes by campaign and variant (GET /v1/apps/{appId}/stats/campaigns/{id}):");
        out.printf("    %-16s %-8s %8s %6s %6s %8s %6s %8s%n", "campaign", "variant", "decided", "sent", "failed",
                "skipped", "conv", "lift");
        statistics.forEach((campaign, stats) -> {
            if (stats == null) {
                out.printf("    %-16s (nothing decided yet)%n", campaign);
                return;
            }
            for (JsonNode v : stats.path("variants")) {
                long failed = 0;
                for (JsonNode n : v.path("failedByErrcode")) {
                    failed += n.asLong();
                }
                long skipped = 0;
                for (JsonNode n : v.path("skippedByReason")) {
                    skipped += n.asLong();
                }
                JsonNode lift = v.path("liftOverHoldout");
                out.printf("    %-16s %-8s %8d %6d %6d %8d %6d %8s%n", campaign, v.path("variant").asText(),
                        v.path("decided").asLong(), v.path("sent").asLong(), failed, skipped,
                        v.path("conversions").asLong(), lift.isNumber() ? String.format("%+.3f", lift.asDouble()) : "-");
            }
        });
    }

    private void add(CustomerProfile p, ZoneId zone, LocalDate today) {
        customers++;
        stages.merge(p.stage(), 1, Integer::sum);
        long cohort = LocalDate.ofInstant(p.firstSeenAt(), zone).toEpochDay();
        for (int i = 0; i < RETENTION_DAYS.length; i++) {
            if (cohort + RETENTION_DAYS[i] < today.toEpochDay()) {
                eligible[i]++;
                retained[i] += p.activeDays().contains((int) (cohort + RETENTION_DAYS[i])) ? 1 : 0;
            }
        }
    }

    private void write(PrintStream out) {
        out.println("Customers: " + customers);
        out.println("  by stage:");
        for (Stage s : Stage.values()) {
            out.printf("    %-10s %6d%n", s, stages.getOrDefault(s, 0));
        }
        out.println("  RFM 8-cell grid (buyers, from the last daily run: GET /v1/apps/{appId}/stats/segments):");
        out.printf("    %-14s %-26s %-26s%n", "", "M high", "M low");
        row(out, "R high F high", RfmSegment.IMPORTANT_VALUE, RfmSegment.GENERAL_VALUE);
        row(out, "R high F low", RfmSegment.IMPORTANT_DEVELOP, RfmSegment.GENERAL_DEVELOP);
        row(out, "R low  F high", RfmSegment.IMPORTANT_RETAIN, RfmSegment.GENERAL_RETAIN);
        row(out, "R low  F low", RfmSegment.IMPORTANT_WINBACK, RfmSegment.GENERAL_WINBACK);
        out.println("  retention (active exactly N days after first seen, cohorts old enough):");
        for (int i = 0; i < RETENTION_DAYS.length; i++) {
            out.printf("    D%-3d %5.1f %%  (%d of %d)%n", RETENTION_DAYS[i], eligible[i] == 0 ? 0.0
                    : 100.0 * retained[i] / eligible[i], retained[i], eligible[i]);
        }
    }

    private void row(PrintStream out, String label, RfmSegment high, RfmSegment low) {
        out.printf("    %-14s %-20s %5d %-20s %5d%n", label, high, segments.getOrDefault(high, 0), low,
                segments.getOrDefault(low, 0));
    }
}
