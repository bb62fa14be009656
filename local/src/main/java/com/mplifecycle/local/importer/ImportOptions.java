package com.mplifecycle.local.importer;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.mplifecycle.domain.orderfile.OrderColumns;
import com.mplifecycle.domain.profile.CustomerIds;
import com.mplifecycle.local.runtime.RuntimeOptions;

/**
 * The parsed arguments of {@code import}. Where the profiles are: the DynamoDB Local of a running
 * {@code ./run-local} (found through {@code runtime}'s health endpoint), a DynamoDB {@code endpoint}
 * given directly, or with {@code aws} the real tables, with the operator's credentials.
 * {@code appsTable} may be null in the cloud: the app's default settings are used then.
 */
record ImportOptions(String appId, Path orders, OrderColumns columns, URI runtime, URI endpoint, boolean aws,
                     String region, String profilesTable, String appsTable, int threads) {

    static final String USAGE = "usage: import --app APP --orders FILE.csv"
            + " [--customer-col NAME | --openid-col NAME] [--date-col NAME] [--amount-col NAME] [--order-col NAME]"
            + " [--endpoint URL | --runtime URL | --aws --profiles-table NAME [--apps-table NAME] [--region R]]"
            + " [--threads N]";
    /** Locally the tables are named by their logical ids in template.yaml. */
    static final String LOCAL_PROFILES_TABLE = "ProfilesTable";
    static final String LOCAL_APPS_TABLE = "AppsTable";
    static final int DEFAULT_THREADS = 4;

    /** Thrown for arguments that make no sense; the command prints it with the usage and exits 2. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static ImportOptions parse(List<String> args, Map<String, String> environment) throws UsageException {
        String app = null;
        Path orders = null;
        String customer = null;
        String openid = null;
        String date = null;
        String amount = null;
        String order = null;
        URI runtime = URI.create("http://127.0.0.1:" + RuntimeOptions.DEFAULT_PORT);
        URI endpoint = null;
        boolean aws = false;
        String region = environment.getOrDefault("AWS_REGION", environment.get("AWS_DEFAULT_REGION"));
        String profilesTable = null;
        String appsTable = null;
        int threads = DEFAULT_THREADS;
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            if (flag.equals("--aws")) {
                aws = true;
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new UsageException(flag.startsWith("--") ? flag + " needs a value" : "unexpected " + flag);
            }
            String value = args.get(++i);
            switch (flag) {
                case "--app" -> app = value;
                case "--orders" -> orders = Path.of(value);
                case "--customer-col" -> customer = value;
                case "--openid-col" -> openid = value;
                case "--date-col" -> date = value;
                case "--amount-col" -> amount = value;
                case "--order-col" -> order = value;
                case "--runtime" -> runtime = uri(value, flag);
                case "--endpoint" -> endpoint = uri(value, flag);
                case "--region" -> region = value;
                case "--profiles-table" -> profilesTable = value;
                case "--apps-table" -> appsTable = value;
                case "--threads" -> threads = threads(value);
                default -> throw new UsageException("unknown option " + flag);
            }
        }
        if (app == null || orders == null) {
            throw new UsageException("--app and --orders are required");
        }
        if (!CustomerIds.isValidAppId(app)) {
            throw new UsageException("--app must be 1-64 letters, digits, '_' or '-': " + app);
        }
        if (customer != null && openid != null) {
            throw new UsageException("give --customer-col or --openid-col, not both");
        }
        if (aws) {
            if (profilesTable == null) {
                throw new UsageException("--aws needs --profiles-table (the deployed stack's profiles table)");
            }
            if (region == null) {
                throw new UsageException("--aws needs --region (or AWS_REGION)");
            }
        } else {
            profilesTable = profilesTable == null ? LOCAL_PROFILES_TABLE : profilesTable;
            appsTable = appsTable == null ? LOCAL_APPS_TABLE : appsTable;
        }
        return new ImportOptions(app, orders, new OrderColumns(customer, openid, date, amount, order), runtime,
                endpoint, aws, region, profilesTable, appsTable, threads);
    }

    private static URI uri(String value, String flag) throws UsageException {
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() != null && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new UsageException(flag + " must be a URL like http://127.0.0.1:8000: " + value);
    }

    private static int threads(String value) throws UsageException {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= 64) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--threads must be 1 to 64: " + value);
    }
}
