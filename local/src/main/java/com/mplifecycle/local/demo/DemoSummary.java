package com.mplifecycle.local.demo;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

import com.mplifecycle.aws.json.Json;
import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.profile.CustomerProfile;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What the demo left behind, read from the profiles table: stages and D1/D7/D30 retention. */
public final class DemoSummary {
    private DemoSummary() {
    }

    public static void print(DynamoDbClient db, String profilesTable, String appId, ZoneId zone, long pushes,
                             PrintStream out) {
        Map<Stage, Integer> stages = new EnumMap<>(Stage.class);
        int[] retained = new int[3];
        int[] eligible = new int[3];
        int[] offsets = {1, 7, 30};
        int total = 0;
        LocalDate lastDay = null;
        for (Map<String, AttributeValue> item : db.scanPaginator(b -> b.tableName(profilesTable)
                .filterExpression("app = :a").expressionAttributeValues(Map.of(":a", AttributeValue.fromS(appId))))
                .items()) {
            CustomerProfile p = Json.read(item.get("doc").s(), CustomerProfile.class);
            total++;
            stages.merge(p.stage(), 1, Integer::sum);
            LocalDate last = LocalDate.ofInstant(p.lastActiveAt(), zone);
            lastDay = lastDay == null || last.isAfter(lastDay) ? last : lastDay;
        }
        for (Map<String, AttributeValue> item : db.scanPaginator(b -> b.tableName(profilesTable)
                .filterExpression("app = :a").expressionAttributeValues(Map.of(":a", AttributeValue.fromS(appId))))
                .items()) {
            CustomerProfile p = Json.read(item.get("doc").s(), CustomerProfile.class);
            long cohort = LocalDate.ofInstant(p.firstSeenAt(), zone).toEpochDay();
            for (int i = 0; i < offsets.length; i++) {
                if (lastDay != null && cohort + offsets[i] <= lastDay.toEpochDay()) {
                    eligible[i]++;
                    retained[i] += p.activeDays().contains((int) (cohort + offsets[i])) ? 1 : 0;
                }
            }
        }
        out.println("  customers: " + total);
        out.println("  by stage:");
        for (Stage s : Stage.values()) {
            out.printf("    %-10s %6d%n", s, stages.getOrDefault(s, 0));
        }
        out.println("  retention (active exactly N days after first seen, over cohorts old enough):");
        for (int i = 0; i < offsets.length; i++) {
            out.printf("    D%-3d %5.1f %%  (%d of %d)%n", offsets[i], eligible[i] == 0 ? 0.0
                    : 100.0 * retained[i] / eligible[i], retained[i], eligible[i]);
        }
        out.println("  pushes sent through the stand-in WeChat: " + pushes);
    }

}
