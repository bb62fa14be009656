package com.mplifecycle.domain.churn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the CDNOW test files from {@code src/test/resources/data}. */
final class CdnowData {

    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

    private CdnowData() {
    }

    /** {@code ID -> (x, t_x, T)} from {@code cdnow_customers_summary.csv}, in file order. */
    static Map<String, RepeatSummary> publishedSummaries() {
        Map<String, RepeatSummary> summaries = new LinkedHashMap<>();
        for (String line : lines("cdnow_customers_summary.csv").subList(1, 2358)) {
            String[] fields = line.split(",");
            summaries.put(fields[0], new RepeatSummary(Double.parseDouble(fields[1]),
                    Double.parseDouble(fields[2]), Double.parseDouble(fields[3])));
        }
        return summaries;
    }

    /** {@code master_id -> purchase dates} from {@code CDNOW_sample.txt} (one per row). */
    static Map<String, List<LocalDate>> purchaseDates() {
        Map<String, List<LocalDate>> dates = new LinkedHashMap<>();
        for (String line : lines("CDNOW_sample.txt")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 5) {
                continue;
            }
            LocalDate date = LocalDate.parse(fields[2], DateTimeFormatter.BASIC_ISO_DATE);
            dates.computeIfAbsent(fields[0], id -> new ArrayList<>()).add(date);
        }
        return dates;
    }

    private static List<String> lines(String name) {
        InputStream in = CdnowData.class.getResourceAsStream("/data/" + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
