package com.mplifecycle.local.adminkey;

import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mplifecycle.aws.admin.AdminKeys;
import com.mplifecycle.domain.profile.CustomerIds;
import com.mplifecycle.local.importer.ImportTarget;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code admin-key --app APP}: creates an admin key for an app and prints it once; only its hash is
 * stored. Locally against a running {@code ./run-local} (or {@code --endpoint}); in the cloud with
 * {@code --aws --apps-table NAME [--region R]} and the operator's AWS credentials.
 */
public final class AdminKeyCommand {
    static final String USAGE = "usage: admin-key --app APP [--runtime URL | --endpoint URL | --aws --apps-table NAME"
            + " [--region R]]";

    private AdminKeyCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        String app = null;
        String appsTable = "AppsTable";
        URI runtime = URI.create("http://127.0.0.1:3000");
        URI endpoint = null;
        boolean aws = false;
        String region = System.getenv().getOrDefault("AWS_REGION", "us-east-1");
        List<String> rest = new ArrayList<>(args);
        try {
            while (!rest.isEmpty()) {
                String flag = rest.remove(0);
                switch (flag) {
                    case "--app" -> app = value(rest, flag);
                    case "--apps-table" -> appsTable = value(rest, flag);
                    case "--runtime" -> runtime = URI.create(value(rest, flag));
                    case "--endpoint" -> endpoint = URI.create(value(rest, flag));
                    case "--region" -> region = value(rest, flag);
                    case "--aws" -> aws = true;
                    default -> throw new IllegalArgumentException("unknown flag " + flag);
                }
            }
            if (!CustomerIds.isValidAppId(app)) {
                throw new IllegalArgumentException("--app must be 1 to 64 letters, digits, _ or -");
            }
        } catch (IllegalArgumentException e) {
            err.println("admin-key: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try (DynamoDbClient db = ImportTarget.client(aws, endpoint, runtime, region, Map.copyOf(System.getenv()))) {
            String key = new AdminKeys(db, appsTable, Clock.systemUTC()).create(app);
            out.println(key);
            err.println("admin key for app " + app + " created in " + appsTable
                    + "; it is shown only now (the table keeps its SHA-256)");
            return 0;
        } catch (ImportTarget.UnavailableException e) {
            err.println("admin-key: " + e.getMessage());
            return 1;
        }
    }

    private static String value(List<String> rest, String flag) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return rest.remove(0);
    }
}
