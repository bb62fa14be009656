package com.mplifecycle.aws.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.mplifecycle.aws.IsolatedClassPath;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class AwsClientsTest {
    private static final Map<String, String> LOCAL = Map.of("AWS_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "local",
            "AWS_SECRET_ACCESS_KEY", "local-secret", "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:1");

    @Test
    void dynamoDb_askedTwice_isOneClientPerContainer() {
        AwsClients aws = new AwsClients(new FunctionEnv(LOCAL, Clock.systemUTC()));

        assertSame(aws.dynamoDb(), aws.dynamoDb());
        assertSame(aws.eventBridge(), aws.eventBridge());
        assertNotSame(aws.dynamoDb(), new AwsClients(new FunctionEnv(LOCAL, Clock.systemUTC())).dynamoDb());
    }

    @Test
    void dynamoDb_keysInTheEnvironment_signWithThem() {
        DynamoDbClient db = new AwsClients(new FunctionEnv(LOCAL, Clock.systemUTC())).dynamoDb();

        var provider = db.serviceClientConfiguration().credentialsProvider();
        assertInstanceOf(StaticCredentialsProvider.class, provider);
        AwsCredentials credentials = ((StaticCredentialsProvider) provider).resolveCredentials();
        assertEquals("local", credentials.accessKeyId());
        assertEquals("eu-west-1", db.serviceClientConfiguration().region().id());
    }

    @Test
    void dynamoDb_containerCredentialsEndpoint_isAskedDirectly() {
        DynamoDbClient db = new AwsClients(new FunctionEnv(Map.of("AWS_REGION", "us-east-1",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9/credentials"), Clock.systemUTC())).dynamoDb();

        assertInstanceOf(ContainerCredentialsProvider.class, db.serviceClientConfiguration().credentialsProvider());
    }

    /**
     * Cold start: building the clients loads no other service's metadata (SDK 2.35 loaded all 318 until a
     * lazy provider of ours replaced the SDK's; the SDK stopped asking after aws/aws-sdk-java-v2#7161).
     */
    @Test
    void clients_loadTheMetadataOfTheirServicesOnly() throws Exception {
        try (IsolatedClassPath loader = new IsolatedClassPath()) {
            Class<?> envType = loader.loadClass(FunctionEnv.class.getName());
            Object env = envType.getConstructor(Map.class, Clock.class).newInstance(LOCAL, Clock.systemUTC());
            Class<?> clientsType = loader.loadClass(AwsClients.class.getName());
            Constructor<?> constructor = clientsType.getConstructors()[0];
            Object aws = constructor.newInstance(env, java.lang.reflect.Array.newInstance(
                    loader.loadClass("software.amazon.awssdk.core.interceptor.ExecutionInterceptor"), 0));

            clientsType.getMethod("dynamoDb").invoke(aws);
            clientsType.getMethod("eventBridge").invoke(aws);

            String metadata = "software.amazon.awssdk.regions.servicemetadata.";
            assertFalse(loader.hasLoaded(metadata + "AccessAnalyzerServiceMetadata"));
            assertFalse(loader.hasLoaded(metadata + "Ec2ServiceMetadata"));
        }
    }
}
