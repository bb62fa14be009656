package com.mplifecycle.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.mplifecycle.domain.lifecycle.Stage;

/**
 * The scenarios, written once; each subclass says where they run (one suite, two backends). Customers are
 * new in every test, so tests share the backend's tables without seeing each other.
 */
abstract class IngestFoldScenarioSuite {
    abstract ScenarioBackend backend();

    @Test
    void launchAndPaidOrder_newCustomer_isStoredFoldedAndGrowing() throws Exception {
        IngestFoldScenario scenario = new IngestFoldScenario(backend(), Clock.systemUTC());

        IngestFoldScenario.Outcome outcome = scenario.launchAndPaidOrder("scenario-" + UUID.randomUUID());

        assertEquals(202, outcome.ingestStatus());
        assertEquals(2, outcome.ingestBody().path("accepted").asInt());
        assertEquals(1, outcome.streamRecords(), "one batch is stored as one chunk item");
        assertEquals(0, outcome.batchItemFailures().size(), outcome.batchItemFailures()::toString);
        assertNotNull(outcome.profile(), "the profile exists");
        assertEquals(Stage.GROWING, outcome.profile().stage());
        assertEquals(1, outcome.profile().paidOrders());
        assertEquals(3300, outcome.profile().revenueFen());
    }
}
