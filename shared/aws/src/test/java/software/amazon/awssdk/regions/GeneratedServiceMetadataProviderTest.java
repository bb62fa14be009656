package software.amazon.awssdk.regions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.regions.servicemetadata.DynamodbServiceMetadata;
import software.amazon.awssdk.regions.servicemetadata.EnhancedS3ServiceMetadata;
import software.amazon.awssdk.regions.servicemetadata.EventsServiceMetadata;
import software.amazon.awssdk.regions.servicemetadata.SecretsmanagerServiceMetadata;
import software.amazon.awssdk.regions.servicemetadata.StreamsDynamodbServiceMetadata;

/** The lazy provider answers what the SDK's generated map held for each prefix. */
class GeneratedServiceMetadataProviderTest {
    private final GeneratedServiceMetadataProvider provider = new GeneratedServiceMetadataProvider();

    @ParameterizedTest
    @CsvSource({"dynamodb,DynamodbServiceMetadata", "events,EventsServiceMetadata",
        "secretsmanager,SecretsmanagerServiceMetadata", "streams.dynamodb,StreamsDynamodbServiceMetadata",
        "access-analyzer,AccessAnalyzerServiceMetadata", "acm-pca,AcmPcaServiceMetadata",
        "s3,EnhancedS3ServiceMetadata"})
    void className_followsTheSdkNamingRule(String prefix, String simpleName) {
        assertEquals("software.amazon.awssdk.regions.servicemetadata." + simpleName,
                GeneratedServiceMetadataProvider.className(prefix));
    }

    @Test
    void serviceMetadata_ourServices_areTheSdkClasses() {
        assertInstanceOf(DynamodbServiceMetadata.class, provider.serviceMetadata("dynamodb"));
        assertInstanceOf(EventsServiceMetadata.class, provider.serviceMetadata("events"));
        assertInstanceOf(SecretsmanagerServiceMetadata.class, provider.serviceMetadata("secretsmanager"));
        assertInstanceOf(StreamsDynamodbServiceMetadata.class, provider.serviceMetadata("streams.dynamodb"));
        assertInstanceOf(EnhancedS3ServiceMetadata.class, provider.serviceMetadata("s3"));
    }

    @Test
    void serviceMetadata_askedTwice_isTheSameObject() {
        assertSame(provider.serviceMetadata("dynamodb"), provider.serviceMetadata("dynamodb"));
    }

    @Test
    void serviceMetadata_signingRegions_asTheSdkComputesThem() {
        ServiceMetadata dynamodb = ServiceMetadata.of("dynamodb");

        assertEquals(Region.US_EAST_1, dynamodb.signingRegion(Region.US_EAST_1));
        assertEquals(Region.CN_NORTH_1, dynamodb.signingRegion(Region.CN_NORTH_1));
        assertEquals(new DynamodbServiceMetadata().endpointFor(Region.CN_NORTHWEST_1),
                dynamodb.endpointFor(Region.CN_NORTHWEST_1));
    }

    @Test
    void serviceMetadata_unknownPrefix_isNullAsBefore() {
        assertNull(provider.serviceMetadata("no-such-service"));
        assertNull(provider.serviceMetadata(null));
    }
}
