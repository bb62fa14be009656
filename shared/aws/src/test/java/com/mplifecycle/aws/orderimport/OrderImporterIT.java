package com.mplifecycle.aws.orderimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.devtools.dynamodb.DynamoDbLocalServer;
import com.mplifecycle.devtools.sandbox.LocalAws;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.event.EventType;
import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.domain.lifecycle.ProfileFolder;
import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.orderfile.CustomerOrders;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.Order;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** The importer against the template's profiles table in DynamoDB Local, racing a live writer. */
class OrderImporterIT {
    private static final Instant NOW = Instant.parse("2026-03-01T04:00:00Z");
    private static final String TABLE = "ProfilesTable";
    private final AppSettings settings = AppSettings.defaults("shop");
    private LocalAws aws;
    private ProfileStore live;

    @BeforeEach
    void start() {
        aws = LocalAws.start();
        live = new ProfileStore(aws.client(), TABLE);
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    /** A client whose first PutItem is preceded by the stream function folding a launch into the profile. */
    private DynamoDbClient racedByLiveLaunch(String customerId, Instant launchAt) {
        AtomicBoolean raced = new AtomicBoolean();
        ExecutionInterceptor liveWriteFirst = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof PutItemRequest && raced.compareAndSet(false, true)) {
                    CustomerProfile before = live.load("shop", customerId)
                            .orElse(CustomerProfile.empty("shop", customerId));
                    TrackedEvent launch = new TrackedEvent("e-launch", EventType.APP_LAUNCH, launchAt,
                            Map.of("scene", 1001L));
                    live.save(new ProfileFolder(settings).fold(before, "oid-live", List.of(launch)).profile())
                            .orElseThrow();
                }
            }
        };
        return DynamoDbClient.builder().endpointOverride(aws.dynamo().endpoint()).region(DynamoDbLocalServer.REGION)
                .credentialsProvider(DynamoDbLocalServer.CREDENTIALS).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(liveWriteFirst)).build();
    }

    private OrderImporter importer(DynamoDbClient client) {
        return new OrderImporter(new ProfileStore(client, TABLE), settings, Clock.fixed(NOW, ZoneOffset.UTC), 2);
    }

    private static CustomerOrders orders(String customerId, long... fen) {
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < fen.length; i++) {
            orders.add(new Order(customerId + "-o" + i, NOW.minus(Duration.ofDays(100L * (i + 1))), fen[i], Map.of(), null));
        }
        return new CustomerOrders(customerId, null, orders);
    }

    @Test
    void importAll_liveWriteBetweenReadAndWrite_retriesAndKeepsBoth() {
        Instant launchAt = NOW.minus(Duration.ofDays(1));
        try (DynamoDbClient client = racedByLiveLaunch("c1", launchAt)) {
            ImportSummary s = importer(client).importAll(List.of(orders("c1", 1_000, 2_000)), p -> { });

            CustomerProfile stored = live.load("shop", "c1").orElseThrow();
            assertEquals(1, s.conflicts());
            assertEquals(1, s.written());
            assertEquals(3_000, stored.revenueFen());
            assertEquals(launchAt, stored.lastActiveAt());
            assertEquals("oid-live", stored.openid());
            assertEquals(Stage.MATURE, stored.stage());
            assertEquals(2, stored.version());
        }
    }

    @Test
    void importAll_moreCustomersThanAChunk_writesEachOnceAndReportsProgress() {
        List<CustomerOrders> customers = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            customers.add(orders("c" + i, 100 + i));
        }
        List<ImportProgress> progress = new ArrayList<>();

        ImportSummary s = importer(aws.client()).importAll(customers, progress::add);
        ImportSummary again = importer(aws.client()).importAll(customers, p -> { });

        assertEquals(250, s.written());
        assertEquals(3, progress.size()); // one report per chunk of 100
        assertEquals(250, progress.get(2).customersDone());
        assertEquals(0, again.written());
        assertEquals(250, again.unchanged());
        assertEquals(1, live.load("shop", "c7").orElseThrow().version());
        assertTrue(s.failures().isEmpty());
    }
}
