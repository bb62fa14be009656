package com.mplifecycle.aws.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.stats.StageDay;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The stage counts day by day ({@code stats#stages#YYYY-MM-DD} items of the apps table): one small
 * item per app and local day, written by the scheduled run beside its {@code rfm#lastRun} (a rerun
 * the same day overwrites it), read as one query over a date range.
 */
public final class StageHistoryStore {
    /** As long as the longest range a statistics route answers (400 days). */
    static final Duration KEPT = Duration.ofDays(401);
    private static final String RAN_AT = "ranAt";

    private final DynamoDbClient db;
    private final String table;

    public StageHistoryStore(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    public void put(String appId, StageDay day) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableKeys.PK, AttributeValue.fromS(appId));
        item.put(TableKeys.SK, AttributeValue.fromS(TableKeys.stageDay(day.day())));
        item.put(RAN_AT, AttributeValue.fromS(day.ranAt().toString()));
        day.counts().forEach((stage, n) -> item.put(stage.name(), AttributeValue.fromN(Long.toString(n))));
        item.put(TableKeys.EXPIRES, AttributeValue.fromN(Long.toString(
                day.day().atStartOfDay(ZoneOffset.UTC).toInstant().plus(KEPT).getEpochSecond())));
        db.putItem(b -> b.tableName(table).item(item));
    }

    /** The days from {@code from} to {@code to} inclusive that a run counted, oldest first. */
    public List<StageDay> days(String appId, LocalDate from, LocalDate to) {
        List<StageDay> days = new ArrayList<>();
        for (var page : db.queryPaginator(b -> b.tableName(table)
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#sk", TableKeys.SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(appId),
                        ":from", AttributeValue.fromS(TableKeys.stageDay(from)),
                        ":to", AttributeValue.fromS(TableKeys.stageDay(to)))))) {
            for (Map<String, AttributeValue> item : page.items()) {
                Map<Stage, Long> counts = new EnumMap<>(Stage.class);
                for (Stage s : Stage.values()) {
                    AttributeValue n = item.get(s.name());
                    counts.put(s, n == null ? 0L : Long.parseLong(n.n()));
                }
                days.add(new StageDay(TableKeys.stageDayOf(item.get(TableKeys.SK).s()),
                        Instant.parse(item.get(RAN_AT).s()), counts));
            }
        }
        return days;
    }
}
