package com.mplifecycle.local.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.devtools.sandbox.LocalAws;
import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.profile.CustomerIds;
import com.mplifecycle.domain.profile.CustomerProfile;

/** The import command against the template's tables in DynamoDB Local; one app id per test. */
class ImportCommandIT {
    private static LocalAws aws;
    private static ProfileStore profiles;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        aws = LocalAws.start();
        profiles = new ProfileStore(aws.client(), ImportOptions.LOCAL_PROFILES_TABLE);
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    private record Outcome(int exitCode, String out, String err) {
    }

    private static Outcome run(String app, String... args) {
        List<String> all = new ArrayList<>(List.of("--app", app, "--endpoint", aws.dynamo().endpoint().toString()));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ImportCommand.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path onlineRetail() throws URISyntaxException {
        return Path.of(ImportCommandIT.class.getResource("/data/online_retail_invoices.csv").toURI());
    }

    private static Outcome importOnlineRetail(String app) throws URISyntaxException {
        return run(app, "--orders", onlineRetail().toString(), "--customer-col", "CustomerID", "--date-col",
                "InvoiceDate", "--amount-col", "TotalPrice", "--order-col", "InvoiceNo");
    }

    private static Map<String, CustomerProfile> stored(String app) {
        Map<String, CustomerProfile> found = new HashMap<>();
        profiles.scan(0, 1, page -> page.stream().filter(p -> p.appId().equals(app))
                .forEach(p -> found.put(p.customerId(), p)));
        return found;
    }

    private Path file(String... lines) throws IOException {
        return Files.writeString(dir.resolve("orders.csv"), String.join("\n", lines) + "\n");
    }

    @Test
    void run_onlineRetail_storesEveryCustomerWithTheFilesTotals() throws Exception {
        Map<String, Long> fenByCustomer = new HashMap<>();
        Map<String, Long> invoicesByCustomer = new HashMap<>();
        try (Stream<String> lines = Files.lines(onlineRetail())) {
            lines.skip(1).map(l -> l.split(",")).forEach(f -> {
                long fen = new BigDecimal(f[3]).movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
                fenByCustomer.merge(f[2], fen, Long::sum);
                invoicesByCustomer.merge(f[2], 1L, Long::sum);
            });
        }

        Outcome r = importOnlineRetail("retail");

        assertEquals(ImportCommand.OK, r.exitCode(), r.err());
        Map<String, CustomerProfile> stored = stored("retail");
        assertEquals(4_338, stored.size());
        Map<String, Long> storedFen = new HashMap<>();
        Map<String, Long> storedInvoices = new HashMap<>();
        stored.forEach((id, p) -> {
            storedFen.put(id, p.revenueFen());
            storedInvoices.put(id, p.paidOrders());
        });
        assertEquals(fenByCustomer, storedFen);
        assertEquals(invoicesByCustomer, storedInvoices);
        assertTrue(stored.values().stream().allMatch(p -> p.stage() == Stage.CHURNED), "all silent since 2011");
        assertTrue(r.out().contains("done: 4,338 customers: 4,338 profiles written"), r.out());
    }

    @Test
    void run_sameFileTwice_secondImportWritesNothing() throws Exception {
        importOnlineRetail("retail2");
        Map<String, CustomerProfile> first = stored("retail2");

        Outcome again = importOnlineRetail("retail2");

        assertEquals(ImportCommand.OK, again.exitCode(), again.err());
        assertTrue(again.out().contains("0 profiles written, 4,338 unchanged; 0 orders added, 18,532 already there"),
                again.out());
        assertEquals(first, stored("retail2"));
    }

    @Test
    void run_badLines_reportsEachWithItsNumberAndImportsTheRest() throws Exception {
        Path orders = file("orderId,customerId,date,amount",
                "A1,alice,2025-06-01,10.00",
                "A2,alice,2025-06-01,abc",
                "",
                "B1,bob,someday,5",
                "B2,b#b,2025-06-02,5",
                "A3,alice,2025-06-03 18:30,2.5",
                "A1,alice,2025-06-09,99");

        Outcome r = run("bad", "--orders", orders.toString());

        assertEquals(ImportCommand.LINES_REJECTED, r.exitCode(), r.err());
        List<String> reported = r.err().lines().filter(l -> l.startsWith("line ")).toList();
        assertEquals(List.of("line 3: amount is not a number: 'abc'",
                "line 5: date is not a date or time: 'someday' (" + "YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS],"
                        + " ISO with offset, epoch seconds or ms)",
                "line 6: customer id must be 1-64 letters, digits, '_' or '-': 'b#b'",
                "line 8: order id A1 is already on line 2 with another time or amount"), reported);
        CustomerProfile alice = stored("bad").get("alice");
        assertEquals(1_250, alice.revenueFen());
        assertEquals(1, stored("bad").size());
    }

    @Test
    void run_openidColumnWithoutOrderIds_keysProfilesByDerivedCustomerId() throws Exception {
        Path orders = file("openid,date,amount", "oAlice,2025-06-01,10", "oAlice,2025-06-01,10", "oAlice,2025-06-02,3");

        Outcome first = run("wx", "--orders", orders.toString());
        Outcome second = run("wx", "--orders", orders.toString());

        assertEquals(ImportCommand.OK, first.exitCode(), first.err());
        assertTrue(first.out().contains("1 duplicate lines"), first.out());
        CustomerProfile p = stored("wx").get(CustomerIds.of("wx", "oAlice"));
        assertEquals("oAlice", p.openid());
        assertEquals(1_300, p.revenueFen());
        assertTrue(second.out().contains("0 profiles written, 1 unchanged"), second.out());
    }

    @Test
    void run_missingColumn_isAUsageError() throws Exception {
        Outcome r = run("cols", "--orders", file("customerId,when,amount", "a,2025-06-01,1").toString());

        assertEquals(ImportCommand.USAGE, r.exitCode());
        assertTrue(r.err().contains("no column date in the header [customerId, when, amount]"), r.err());
    }

    @Test
    void run_noLocalRuntime_saysHowToStartOne() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = ImportCommand.run(List.of("--app", "x", "--orders", file("customerId,date,amount").toString(),
                "--runtime", "http://127.0.0.1:1"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(ImportCommand.FAILED, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no local runtime at http://127.0.0.1:1"));
    }
}
