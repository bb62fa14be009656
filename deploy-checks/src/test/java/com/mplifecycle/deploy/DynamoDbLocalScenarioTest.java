package com.mplifecycle.deploy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.mplifecycle.devtools.template.SamTemplate;
import com.mplifecycle.local.runtime.LocalRuntime;

/** The scenario suite with the template's tables in DynamoDB Local and its buses in this JVM: runs everywhere. */
class DynamoDbLocalScenarioTest extends RuntimeScenarioSuite {
    private static LocalRuntime runtime;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(SamTemplate.load(SamTemplate.locate()), OPTIONS);
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Override
    LocalRuntime runtime() {
        return runtime;
    }
}
