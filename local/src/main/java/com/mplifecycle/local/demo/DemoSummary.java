package com.mplifecycle.local.demo;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

import com.mplifecycle.aws.json.Json;
import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.rfm.RfmSegment;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the demo left behind, read from the profiles table: customers per stage, the RFM 8-cell
 * grid, D1/D7/D30 retention over cohorts old enough, and the pushes WeChat accepted.
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

    public static void print(DynamoDbClient db, String profilesTable, String appId, ZoneId zone, LocalDate today,
                             Map<String, Long> pushesByTemplate, PrintStream out) {
        DemoSummary s = new DemoSummary();
        db.scanPaginator(b -> b.tableName(profilesTable).filterExpression("app = :a")
                .expressionAttributeValues(Map.of(":a", AttributeValue.fromS(appId)))).items()
                .forEach(item -> s.add(Json.read(item.get("doc").s(), CustomerProfile.class), zone, today));
        s.write(pushesByTemplate, out);
    }

    private void add(CustomerProfile p, ZoneId zone, LocalDate today) {
        customers++;
        stages.merge(p.stage(), 1, Integer::sum);
        if (p.rfm() != null) {
            segments.merge(p.rfm().segment(), 1, Integer::sum);
        }
        long cohort = LocalDate.ofInstant(p.firstSeenAt(), zone).toEpochDay();
        for (int i = 0; i < RETENTION_DAYS.length; i++) {
            if (cohort + RETENTION_DAYS[i] < today.toEpochDay()) {
                eligible[i]++;
                retained[i] += p.activeDays().contains((int) (cohort + RETENTION_DAYS[i])) ? 1 : 0;
            }
        }
    }

    private void write(Map<String, Long> pushesByTemplate, PrintStream out) {
        out.println("Customers: " + customers);
        out.println("  by stage:");
        for (Stage s : Stage.values()) {
            out.printf("    %-10s %6d%n", s, stages.getOrDefault(s, 0));
        }
        out.println("  RFM 8-cell grid (buyers, from the daily run):");
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
        out.println("  pushes WeChat accepted, by template: " + (pushesByTemplate.isEmpty() ? "none"
                : pushesByTemplate));
    }

    private void row(PrintStream out, String label, RfmSegment high, RfmSegment low) {
        out.printf("    %-14s %-20s %5d %-20s %5d%n", label, high, segments.getOrDefault(high, 0), low,
                segments.getOrDefault(low, 0));
    }
}
