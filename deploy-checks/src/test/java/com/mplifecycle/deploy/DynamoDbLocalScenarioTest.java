package com.mplifecycle.deploy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The scenario suite against DynamoDB Local in this JVM: runs everywhere. */
class DynamoDbLocalScenarioTest extends IngestFoldScenarioSuite {
    private static DynamoDbLocalBackend backend;

    @BeforeAll
    static void start() throws Exception {
        backend = DynamoDbLocalBackend.start();
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Override
    ScenarioBackend backend() {
        return backend;
    }
}
