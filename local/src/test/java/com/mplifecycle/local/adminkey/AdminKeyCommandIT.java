package com.mplifecycle.local.adminkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.mplifecycle.aws.admin.AdminKeys;
import com.mplifecycle.devtools.sandbox.LocalAws;

/** The operator's command that creates an admin key: printed once, stored as a hash, good for its app only. */
class AdminKeyCommandIT {
    @Test
    void run_createsKeyThatGrantsItsAppOnly() {
        try (LocalAws aws = LocalAws.start()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int code = AdminKeyCommand.run(List.of("--app", "shop", "--endpoint", aws.dynamo().endpoint().toString()),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
            String key = out.toString(StandardCharsets.UTF_8).trim();
            AdminKeys keys = new AdminKeys(aws.client(), "AppsTable", Clock.systemUTC());
            assertEquals(AdminKeys.Access.GRANTED, keys.check("shop", key));
            assertEquals(AdminKeys.Access.OTHER_APP, keys.check("other", key));
            assertTrue(aws.client().scan(b -> b.tableName("AppsTable")).items().stream()
                    .noneMatch(item -> item.toString().contains(key)), "the key itself is not stored");
        }
    }

    @Test
    void run_badArguments_usageAndExit2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = AdminKeyCommand.run(List.of("--app", "../x"), System.out, new PrintStream(err, true,
                StandardCharsets.UTF_8));

        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: admin-key"));
    }
}
