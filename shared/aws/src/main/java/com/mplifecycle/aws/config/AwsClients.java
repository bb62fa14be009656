package com.mplifecycle.aws.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Builds the SDK clients of a function once per container: one client per service however often it
 * is asked for, all on one URL-connection HTTP client (no Apache, no Netty; one TLS context to set up
 * at cold start instead of one per client), explicit region and credentials (no provider-chain
 * probing), call timeouts, and endpoint overrides from the standard {@code AWS_ENDPOINT_URL_<SERVICE>}
 * variables so the local runtime can point them at DynamoDB Local and its EventBridge endpoint.
 * Thread-safe.
 */
public final class AwsClients {
    /**
     * Idle connections the JDK keeps open per endpoint for the URL-connection client. Its default (5)
     * is below the concurrency of the functions that call DynamoDB from worker threads (dispatch 16,
     * lifecycle 8), so every call beyond it opened a new connection, a TLS handshake on AWS.
     */
    static final int KEEP_ALIVE_CONNECTIONS = 64;

    static {
        // read once by the JDK at its first keep-alive; an operator's -Dhttp.maxConnections wins
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", Integer.toString(KEEP_ALIVE_CONNECTIONS));
        }
    }

    private final FunctionEnv env;
    private final ExecutionInterceptor[] interceptors;
    private SdkHttpClient http;
    private DynamoDbClient dynamoDb;
    private EventBridgeClient eventBridge;
    private SecretsManagerClient secretsManager;

    public AwsClients(FunctionEnv env, ExecutionInterceptor... interceptors) {
        this.env = env;
        this.interceptors = interceptors.clone();
    }

    public synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = configure(DynamoDbClient.builder(), "DYNAMODB").build();
        }
        return dynamoDb;
    }

    public synchronized EventBridgeClient eventBridge() {
        if (eventBridge == null) {
            eventBridge = configure(EventBridgeClient.builder(), "EVENTBRIDGE").build();
        }
        return eventBridge;
    }

    /** Kept like the others: the secrets are read again every few minutes (see {@code Secrets}). */
    public synchronized SecretsManagerClient secretsManager() {
        if (secretsManager == null) {
            secretsManager = configure(SecretsManagerClient.builder(), "SECRETS_MANAGER").build();
        }
        return secretsManager;
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, String service) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .apiCallTimeout(Duration.ofSeconds(10))
                .apiCallAttemptTimeout(Duration.ofSeconds(3));
        for (ExecutionInterceptor interceptor : interceptors) {
            override.addExecutionInterceptor(interceptor);
        }
        if (http == null) {
            // shared by every client of this container; a client given an HTTP client never closes it
            http = UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(2))
                    .socketTimeout(Duration.ofSeconds(5))
                    .build();
        }
        builder.httpClient(http)
                .region(Region.of(env.optional("AWS_REGION").orElse("us-east-1")))
                .credentialsProvider(credentials())
                .overrideConfiguration(override.build());
        endpoint(service).ifPresent(builder::endpointOverride);
        return builder;
    }

    private Optional<URI> endpoint(String service) {
        return env.optional("AWS_ENDPOINT_URL_" + service).or(() -> env.optional("AWS_ENDPOINT_URL")).map(URI::create);
    }

    private AwsCredentialsProvider credentials() {
        Optional<String> key = env.optional("AWS_ACCESS_KEY_ID");
        Optional<String> secret = env.optional("AWS_SECRET_ACCESS_KEY");
        if (key.isEmpty() || secret.isEmpty()) {
            if (env.optional("AWS_CONTAINER_CREDENTIALS_FULL_URI").isPresent()) {
                // Lambda with SnapStart hands credentials through this endpoint (refreshed after a restore):
                // ask it directly instead of probing the default chain (profile files, web identity) first
                return ContainerCredentialsProvider.builder().build();
            }
            return DefaultCredentialsProvider.builder().build();
        }
        Optional<String> token = env.optional("AWS_SESSION_TOKEN");
        return StaticCredentialsProvider.create(token.isPresent()
                ? AwsSessionCredentials.create(key.get(), secret.get(), token.get())
                : AwsBasicCredentials.create(key.get(), secret.get()));
    }
}
