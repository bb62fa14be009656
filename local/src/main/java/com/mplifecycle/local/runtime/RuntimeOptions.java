package com.mplifecycle.local.runtime;

import java.nio.file.Path;

/** The flags of {@code ./run-local}. {@code dataDir} null keeps the tables in memory. */
public record RuntimeOptions(int port, boolean demo, int demoCustomers, int demoDays, String adminKey,
                             Path dataDir) {
    public static final int DEFAULT_PORT = 3000;

    public static RuntimeOptions defaults() {
        return new RuntimeOptions(DEFAULT_PORT, true, 2000, 60, null, null);
    }
}
