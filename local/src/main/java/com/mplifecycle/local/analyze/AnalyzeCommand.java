package com.mplifecycle.local.analyze;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.domain.churn.BgNbdParameters;
import com.mplifecycle.domain.rfm.OrderHistoryAnalysis;
import com.mplifecycle.domain.rfm.OrderHistoryAnalyzer;

/**
 * {@code analyze}: the offline RFM and BG/NBD analysis of an order file, printed as JSON. The
 * rules are {@link OrderHistoryAnalyzer}'s, the same the scheduled function applies; this class
 * only reads the file and prints. Exit codes: 0 done, 1 nothing to analyse or unreadable file,
 * 2 usage error.
 */
public final class AnalyzeCommand {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    private static final double FEN_PER_UNIT = 100.0;

    private AnalyzeCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        AnalyzeOptions options;
        OrderFileReader.Orders orders;
        try {
            options = AnalyzeOptions.parse(args);
            orders = new OrderFileReader(options, err).read();
        } catch (AnalyzeOptions.UsageException | OrderFileReader.MissingColumnException e) {
            err.println("analyze: " + e.getMessage());
            err.println(AnalyzeOptions.USAGE);
            return USAGE;
        } catch (IOException e) {
            err.println("analyze: cannot read " + e.getMessage());
            return FAILED;
        }
        if (orders.rows().isEmpty()) {
            err.println("analyze: no readable orders");
            return FAILED;
        }
        OrderHistoryAnalysis analysis = OrderHistoryAnalyzer.analyze(orders.rows(),
                options.asOf() != null ? options.asOf() : OrderHistoryAnalyzer.defaultAsOf(orders.rows()),
                options.windowDays());
        out.println(render(analysis, orders));
        return OK;
    }

    private static String render(OrderHistoryAnalysis a, OrderFileReader.Orders orders) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("asOf", a.asOf().toString());
        json.put("windowDays", a.windowDays());
        json.put("orders", orders.rows().size());
        json.put("badLines", orders.badLines());
        json.put("buyers", a.buyers());
        ObjectNode means = json.putObject("means");
        if (a.buyers() > 0) {
            means.put("recencyDays", a.meanRecencyDays());
            means.put("frequency", a.meanFrequency());
            means.put("monetary", a.meanMonetaryFen() / FEN_PER_UNIT);
        }
        counts(json.putObject("segments"), a.segmentCounts());
        counts(json.putObject("valueTiers"), a.valueTierCounts());
        counts(json.putObject("memberClasses"), a.memberClassCounts());
        BgNbdParameters p = a.bgNbdParameters();
        if (p == null) {
            json.putNull("bgNbd");
        } else {
            ObjectNode fit = json.putObject("bgNbd");
            fit.put("timeUnit", "weeks");
            fit.put("r", p.r());
            fit.put("alpha", p.alpha());
            fit.put("a", p.a());
            fit.put("b", p.b());
            fit.put("logLikelihood", p.logLikelihood());
        }
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of numbers and strings is always serialisable", e);
        }
    }

    private static void counts(ObjectNode node, Map<? extends Enum<?>, Long> counts) {
        counts.forEach((key, count) -> node.put(key.name(), count));
    }
}
