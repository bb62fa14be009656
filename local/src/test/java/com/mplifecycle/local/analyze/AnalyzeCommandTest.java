package com.mplifecycle.local.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.json.Json;

class AnalyzeCommandTest {
    private static final LocalDate AS_OF = LocalDate.of(2011, 12, 10);
    /** As in the domain's OrderHistoryAnalyzerTest: long enough to hold the first invoice day. */
    private static final int WHOLE_HISTORY_DAYS = (int) ChronoUnit.DAYS.between(LocalDate.of(2010, 12, 1), AS_OF) + 1;

    @TempDir
    Path dir;

    private record Outcome(int exitCode, String out, String err) {
        JsonNode json() {
            return Json.read(out, JsonNode.class);
        }
    }

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AnalyzeCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String onlineRetail() throws URISyntaxException {
        return Path.of(AnalyzeCommandTest.class.getResource("/data/online_retail_invoices.csv").toURI()).toString();
    }

    private Path file(String... lines) throws IOException {
        return Files.writeString(dir.resolve("orders.txt"), String.join("\n", lines) + "\n");
    }

    @Test
    void run_onlineRetail_givesTheDomainTestsPinnedSegments() throws Exception {
        Outcome r = run("--orders", onlineRetail(), "--customer-col", "CustomerID", "--date-col", "InvoiceDate",
                "--amount-col", "TotalPrice", "--as-of", AS_OF.toString(), "--window-days",
                Integer.toString(WHOLE_HISTORY_DAYS));

        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = r.json();
        Map<String, Long> segments = new LinkedHashMap<>();
        json.get("segments").fields().forEachRemaining(e -> segments.put(e.getKey(), e.getValue().asLong()));
        assertEquals(4_338L, segments.values().stream().mapToLong(Long::longValue).sum());
        assertEquals(Map.of("IMPORTANT_VALUE", 689L, "IMPORTANT_DEVELOP", 117L, "IMPORTANT_RETAIN", 27L,
                "IMPORTANT_WINBACK", 38L, "GENERAL_VALUE", 358L, "GENERAL_DEVELOP", 1_750L, "GENERAL_RETAIN", 40L,
                "GENERAL_WINBACK", 1_319L), segments);
        assertEquals(4_338, json.get("buyers").asLong());
        assertEquals(864, json.get("valueTiers").get("A").asLong());
        assertEquals(74, json.get("memberClasses").get("DORMANT").asLong());
        assertEquals(2_054.2665, json.get("means").get("monetary").asDouble(), 1e-4);
        assertEquals(0.826, json.get("bgNbd").get("r").asDouble(), 0.001);
        assertEquals(-37_697.3, json.get("bgNbd").get("logLikelihood").asDouble(), 0.1);
    }

    @Test
    void run_defaults_analysesDayAfterLastOrderOver365Days() throws Exception {
        Outcome r = run("--orders", onlineRetail(), "--customer-col", "CustomerID", "--date-col", "InvoiceDate",
                "--amount-col", "TotalPrice");

        assertEquals(0, r.exitCode());
        assertEquals("2011-12-10", r.json().get("asOf").asText());
        assertEquals(365, r.json().get("windowDays").asInt());
    }

    @Test
    void run_badLines_reportedWithLineNumbersAndSkipped() throws Exception {
        Path orders = file("customerId,date,amount", "a,2024-01-02,10.50", "b,2024-13-01,3", "c,2024-01-03,abc",
                "", "d,2024-01-04", "e,\"2024-01-05\",\"1,000.00\"", "f,2024-01-05 10:30:00,-2", "a,2024-01-04,5");

        Outcome r = run("--orders", orders.toString());

        assertEquals(0, r.exitCode());
        List<String> lines = r.err().lines().toList();
        assertEquals(5, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("line 3: date"), lines.get(0));
        assertTrue(lines.get(1).startsWith("line 4: amount"), lines.get(1));
        assertTrue(lines.get(2).startsWith("line 6: "), lines.get(2));
        assertTrue(lines.get(3).startsWith("line 7: amount"), lines.get(3));
        assertTrue(lines.get(4).startsWith("line 8: amountFen must be >= 0"), lines.get(4));
        assertEquals(2, r.json().get("orders").asInt());
        assertEquals(5, r.json().get("badLines").asInt());
        assertEquals(1, r.json().get("buyers").asInt());
        assertTrue(r.json().get("bgNbd").isNull());
    }

    @Test
    void run_cdnowFormat_readsWhitespaceColumns() throws Exception {
        Path orders = file(" 00004 0001 19970101  2   29.33\r", " 00004 0001 19970118  2   29.73\r",
                " 00018 0001 19970102  2   26.48\r");

        Outcome r = run("--orders", orders.toString(), "--format", "cdnow");

        assertEquals(0, r.exitCode(), r.err());
        assertEquals(2, r.json().get("buyers").asInt());
        assertEquals("1997-01-19", r.json().get("asOf").asText());
        assertEquals((2_933 + 2_973 + 2_648) / 2 / 100.0, r.json().get("means").get("monetary").asDouble(), 1e-9);
    }

    @Test
    void run_usageErrors_exit2WithReason() throws Exception {
        Path orders = file("id,day,amount", "a,2024-01-02,1");
        List<Outcome> outcomes = new ArrayList<>();

        outcomes.add(run());
        outcomes.add(run("--orders"));
        outcomes.add(run("--orders", orders.toString(), "--format", "xml"));
        outcomes.add(run("--orders", orders.toString(), "--window-days", "0"));
        outcomes.add(run("--orders", orders.toString(), "--as-of", "yesterday"));
        outcomes.add(run("--orders", orders.toString(), "--bogus", "1"));
        outcomes.add(run("--orders", orders.toString()));

        outcomes.forEach(o -> assertEquals(2, o.exitCode(), o.err()));
        assertTrue(outcomes.get(0).err().contains("--orders is required"));
        assertTrue(outcomes.get(6).err().contains("no column customerId"));
        assertTrue(outcomes.stream().allMatch(o -> o.out().isEmpty()));
    }

    @Test
    void run_missingFile_exit1() {
        assertEquals(1, run("--orders", dir.resolve("absent.csv").toString()).exitCode());
    }
}
