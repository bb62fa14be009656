package com.mplifecycle.local.importer;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.mplifecycle.aws.orderimport.ImportSummary;
import com.mplifecycle.aws.orderimport.OrderImporter;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.domain.app.AppSettings;

/**
 * {@code import}: loads an export of historical paid orders into the customers' profiles, without
 * the 30-day age limit of live ingestion and idempotently (importing the same file again writes
 * nothing; see docs/import.md). Reads the whole file first, reporting each bad line, then writes
 * profile by profile with progress. Exit codes: 0 everything imported, 1 nothing or not everything
 * could be written (unreadable file, no store, failed customers), 2 usage error, 3 imported but
 * some lines were rejected.
 */
public final class ImportCommand {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int LINES_REJECTED = 3;

    private ImportCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.getenv(), Clock.systemUTC());
    }

    /** @param local this machine's clock; orders are judged by the target's ({@link ImportTarget#clock()}) */
    static int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> environment,
                   Clock local) {
        ImportOptions options;
        try {
            options = ImportOptions.parse(args, environment);
        } catch (ImportOptions.UsageException e) {
            return usage(err, e.getMessage());
        }
        try (ImportTarget target = ImportTarget.open(options, environment, local)) {
            Clock clock = target.clock();
            AppSettings settings = settings(options, target, clock, out);
            Instant now = clock.instant();
            out.printf("import: app %s, %s -> %s (%s), now %s by %s%n", options.appId(), options.orders(),
                    target.where(), settings.timeZone(), now.truncatedTo(ChronoUnit.SECONDS), target.clockSource());
            long readStart = System.nanoTime();
            ImportFile file = ImportFile.read(options.orders(), options.columns(), options.appId(),
                    settings.timeZone(), now, err);
            out.printf("read %,d lines: %,d orders of %,d customers, %,d duplicate lines, %,d rejected%s (%.1f s)%n",
                    file.dataLines(), file.orders().orderCount(), file.orders().customerCount(),
                    file.orders().duplicateCount(), file.rejected(),
                    file.derivedOrderIds() ? ", order ids derived from the lines" : "",
                    (System.nanoTime() - readStart) / 1e9);
            if (file.orders().orderCount() == 0) {
                err.println("import: no importable orders in " + options.orders());
                return FAILED;
            }
            OrderImporter importer = new OrderImporter(new ProfileStore(target.client(), target.profilesTable()),
                    settings, clock, options.threads());
            ImportSummary summary = importer.importAll(file.orders().customers(), new ProgressPrinter(out));
            print(summary, file, options, out, err);
            return summary.failed() > 0 ? FAILED : file.rejected() > 0 ? LINES_REJECTED : OK;
        } catch (ImportTarget.UnavailableException e) {
            err.println("import: " + e.getMessage());
            return FAILED;
        } catch (ImportFile.HeaderException e) {
            return usage(err, e.getMessage());
        } catch (IOException e) {
            err.println("import: cannot read " + options.orders() + ": " + e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            // the SDK's exceptions: unreachable endpoint, missing table, credentials
            err.println("import: " + e.getMessage());
            return FAILED;
        }
    }

    private static AppSettings settings(ImportOptions options, ImportTarget target, Clock clock, PrintStream out) {
        if (target.appsTable() == null) {
            out.println("import: no --apps-table, using the default settings (time zone "
                    + AppSettings.DEFAULT_ZONE + ")");
            return AppSettings.defaults(options.appId());
        }
        return new AppStore(target.client(), target.appsTable(), clock).settingsOrDefaults(options.appId());
    }

    private static void print(ImportSummary s, ImportFile file, ImportOptions options, PrintStream out,
                              PrintStream err) {
        double seconds = Math.max(s.elapsedMs(), 1) / 1000.0;
        out.printf("done: %,d customers: %,d profiles written, %,d unchanged; %,d orders added, %,d already there;"
                        + " %,d version conflicts retried, %,d failed; %.1f s, %,.0f orders/s%n",
                s.customers(), s.written(), s.unchanged(), s.ordersAdded(), s.ordersKnown(), s.conflicts(),
                s.failed(), seconds, file.orders().orderCount() / seconds);
        out.println("stages: " + s.stages().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> String.format("%s %,d", e.getKey(), e.getValue())).collect(Collectors.joining(", ")));
        if (s.written() > 0) {
            out.println("RFM scores follow with the next daily rfm run" + (options.aws() || options.endpoint() != null
                    ? "" : " (now: curl -X POST " + options.runtime().resolve("/_local/run/RfmFunction") + ")"));
        }
        s.failures().forEach(f -> err.println("failed: " + f));
        if (file.rejected() > 0) {
            err.printf("import: %,d lines rejected (listed above); the rest was imported%n", file.rejected());
        }
    }

    private static int usage(PrintStream err, String message) {
        err.println("import: " + message);
        err.println(ImportOptions.USAGE);
        return USAGE;
    }
}
