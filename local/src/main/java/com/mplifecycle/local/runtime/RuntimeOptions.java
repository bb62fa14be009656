package com.mplifecycle.local.runtime;

import java.nio.file.Path;

/**
 * The flags of {@code ./run-local}. {@code dataDir} null keeps the tables in memory.
 * {@code faultableDynamoDb} puts a proxy between the functions and DynamoDB Local that
 * {@code POST /_local/faults/dynamodb} can tell to throttle and fail calls.
 */
public record RuntimeOptions(int port, boolean demo, int demoCustomers, int demoDays, String adminKey,
                             Path dataDir, boolean faultableDynamoDb) {
    public static final int DEFAULT_PORT = 3000;

    public RuntimeOptions(int port, boolean demo, int demoCustomers, int demoDays, String adminKey, Path dataDir) {
        this(port, demo, demoCustomers, demoDays, adminKey, dataDir, false);
    }

    public static RuntimeOptions defaults() {
        return new RuntimeOptions(DEFAULT_PORT, true, 2000, 60, null, null, false);
    }

    public RuntimeOptions withFaultableDynamoDb() {
        return new RuntimeOptions(port, demo, demoCustomers, demoDays, adminKey, dataDir, true);
    }
}
