package com.mplifecycle.deploy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The scenario suite against LocalStack's DynamoDB, DynamoDB Streams and EventBridge, handlers in this JVM.
 * Needs a Docker engine; where there is none (as on the project's build machines) JUnit reports the class as
 * skipped ("disabledWithoutDocker") instead of failing.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackScenarioTest extends IngestFoldScenarioSuite {
    /** Pinned: a moving tag would change the emulator under the tests. */
    static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.4");

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(IMAGE)
            .withServices("dynamodb", "dynamodbstreams", "events");

    private static LocalStackBackend backend;

    @BeforeAll
    static void start() {
        backend = new LocalStackBackend(LOCALSTACK);
    }

    @AfterAll
    static void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    @Override
    ScenarioBackend backend() {
        return backend;
    }
}
