package com.mplifecycle.deploy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

import com.mplifecycle.devtools.template.SamTemplate;
import com.mplifecycle.local.runtime.LocalRuntime;

/**
 * The scenario suite with the template's tables, streams, buses and queues in LocalStack ({@link LocalStackAws}):
 * LocalStack's DynamoDB, DynamoDB Streams, EventBridge and SQS, the handlers, HTTP API, stream pollers, schedules
 * and WeChat stand-in in this JVM. Needs a Docker engine; where there is none (as on the project's build
 * machines) JUnit reports the class as skipped ("disabledWithoutDocker") instead of failing.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackScenarioTest extends RuntimeScenarioSuite {
    /**
     * Pinned: a moving tag would change the emulator under the tests (and LocalStack's newest images want an
     * auth token). 4.4 has the EventBridge provider that routes rules to SQS targets and DynamoDB Streams.
     */
    static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.4");

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(IMAGE)
            .withServices("dynamodb", "dynamodbstreams", "events", "sqs");

    private static LocalRuntime runtime;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(SamTemplate.load(SamTemplate.locate()), OPTIONS,
                (template, clock) -> LocalStackAws.start(LOCALSTACK, template));
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
