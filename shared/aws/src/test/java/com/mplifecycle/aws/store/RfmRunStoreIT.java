package com.mplifecycle.aws.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mplifecycle.aws.json.RecordJson;
import com.mplifecycle.devtools.sandbox.LocalAws;
import com.mplifecycle.domain.churn.BgNbdParameters;
import com.mplifecycle.domain.rfm.RfmStatisticsSnapshot;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The fan-out's parts in the template's apps table on DynamoDB Local: one compression, old parts still read. */
class RfmRunStoreIT {
    private static final Instant AT = Instant.parse("2026-03-01T19:00:00Z");
    private LocalAws aws;
    private RfmRunStore runs;
    private String table;

    @BeforeEach
    void start() {
        aws = LocalAws.start();
        table = aws.names().valueOf("AppsTable");
        runs = new RfmRunStore(aws.client(), table);
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void parts_storedDeflatedLikeEveryDocument_andGzipPartsOfEarlierRunsStillRead() throws IOException {
        runs.start("r1", AT, 2, "TALLY");
        RfmRunStore.Progress run = runs.progress("r1").orElseThrow();
        ModelPart fresh = part("new", 0.5);
        ModelPart old = part("old", 0.7);

        runs.putPart(run, "model", -1, "new", fresh);
        byte[] gzipped = gzip(RecordJson.write(old));
        aws.client().putItem(b -> b.tableName(table).item(Map.of(
                TableKeys.PK, AttributeValue.fromS(TableKeys.rfmRun("r1")),
                TableKeys.SK, AttributeValue.fromS(TableKeys.rfmRunPart("model", -1, "old")),
                "docz", AttributeValue.fromB(SdkBytes.fromByteArray(gzipped)))));

        List<ModelPart> parts = runs.parts("r1", "model", ModelPart.class);
        Map<String, AttributeValue> stored = aws.client().getItem(b -> b.tableName(table).key(Map.of(
                TableKeys.PK, AttributeValue.fromS(TableKeys.rfmRun("r1")),
                TableKeys.SK, AttributeValue.fromS(TableKeys.rfmRunPart("model", -1, "new"))))).item();

        assertEquals(List.of(fresh, old), parts.stream().sorted(java.util.Comparator.comparing(ModelPart::appId)).toList());
        assertNotNull(stored.get("docz").b());
        assertEquals(DeflatedJson.FORMAT_DEFLATE, stored.get("docz").b().asByteArrayUnsafe()[0]);
    }

    private static ModelPart part(String appId, double r) {
        RfmStatisticsSnapshot statistics = new RfmStatisticsSnapshot(365, 3, 307, 5, 12_000,
                new TreeMap<>(Map.of(0, 1L, 7, 1L, 300, 1L)), new TreeMap<>(Map.of(1, 2L, 3, 1L)),
                new TreeMap<>(Map.of(0, 1L, 5, 2L)));
        return new ModelPart(appId, 10, statistics, new BgNbdParameters(r, 4.4, 0.79, 2.43, -9582.4));
    }

    private static byte[] gzip(String json) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
