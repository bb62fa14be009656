package com.mplifecycle.local.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.local.runtime.LocalRuntime;
import com.mplifecycle.local.runtime.RuntimeOptions;

/** {@code import --runtime URL} judges order times by the runtime's clock, set far ahead as demos do. */
class ImportIntoRuntimeE2ET {
    private static LocalRuntime runtime;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(new RuntimeOptions(0, false, 0, 0, "import-admin-key-0123456789", null));
        runtime.clock().advance(Duration.ofDays(400));
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void run_ordersAfterTheWallClock_areImportedUpToTheRuntimesNow() throws Exception {
        LocalDate wallToday = LocalDate.now(ZoneOffset.UTC);
        Path orders = Files.writeString(dir.resolve("orders.csv"), String.join("\n", "orderId,customerId,date,amount",
                "F1,ahead," + wallToday.plusDays(200) + ",12.00",
                "F2,ahead," + wallToday.plusDays(300) + ",8.00",
                "F3,ahead," + wallToday.plusDays(500) + ",1.00") + "\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = ImportCommand.run(List.of("--app", "ahead", "--orders", orders.toString(), "--runtime",
                        runtime.apiUrl()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Clock.systemUTC());

        String errors = err.toString(StandardCharsets.UTF_8);
        assertEquals(ImportCommand.LINES_REJECTED, code, errors);
        assertEquals(List.of("line 4: paid in the future: " + wallToday.plusDays(500)),
                errors.lines().filter(l -> l.startsWith("line ")).toList());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("by the runtime's clock"), out.toString());
        CustomerProfile ahead = new ProfileStore(runtime.profilesClient(), runtime.profilesTable())
                .load("ahead", "ahead").orElseThrow();
        assertEquals(2, ahead.paidOrders());
        assertEquals(2_000, ahead.revenueFen());
    }
}
