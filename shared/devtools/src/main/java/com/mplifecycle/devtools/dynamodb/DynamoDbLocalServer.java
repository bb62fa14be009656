package com.mplifecycle.devtools.dynamodb;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local (the AWS-made emulator) running in this JVM on a loopback port.
 *
 * <p>In memory unless a data directory is given. One database whatever the caller's access key and
 * region ({@code -sharedDb}): left to its default, DynamoDB Local keeps a database per key and region,
 * so the AWS CLI or any client with other dummy credentials would see no tables. sqlite4java's native
 * library must be on {@code sqlite4java.library.path}; the build copies it to {@code target/native-libs}.
 */
public final class DynamoDbLocalServer implements AutoCloseable {
    /** Region and dummy credentials of the local clients; with the shared database any others work too. */
    public static final Region REGION = Region.US_EAST_1;
    public static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    /** The file DynamoDB Local keeps the shared database in, in the data directory. */
    static final String SHARED_DATABASE_FILE = "shared-local-instance.db";

    private final DynamoDBProxyServer server;
    private final URI endpoint;

    private DynamoDbLocalServer(DynamoDBProxyServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    /** Starts an in-memory server on a free loopback port. */
    public static DynamoDbLocalServer startInMemory() {
        return start(null, 0);
    }

    /**
     * Starts a server.
     *
     * @param dataDir folder for the tables on disk, or null for memory only
     * @param port the port, or 0 for a free one
     */
    public static DynamoDbLocalServer start(Path dataDir, int port) {
        ensureNativeLibraryPath();
        int chosen = port == 0 ? freePort() : port;
        String[] args = dataDir == null
                ? new String[] {"-inMemory", "-sharedDb", "-port", Integer.toString(chosen), "-disableTelemetry"}
                : new String[] {"-dbPath", sharedDatabaseIn(dataDir).toString(), "-sharedDb", "-port",
                        Integer.toString(chosen), "-disableTelemetry"};
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args);
            server.start();
            return new DynamoDbLocalServer(server, URI.create("http://127.0.0.1:" + chosen));
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + chosen, e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public DynamoDbClient client() {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(Duration.ofSeconds(30)).build())
                .build();
    }

    public DynamoDbStreamsClient streamsClient() {
        return DynamoDbStreamsClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        }
    }

    private static void ensureNativeLibraryPath() {
        if (System.getProperty("sqlite4java.library.path") != null) {
            return;
        }
        // Running from a module folder or the repository root without the surefire setting.
        for (Path candidate : new Path[] {Path.of("target/native-libs"), Path.of("local/target/native-libs")}) {
            if (Files.isDirectory(candidate)) {
                System.setProperty("sqlite4java.library.path", candidate.toAbsolutePath().toString());
                return;
            }
        }
    }

    /**
     * Creates {@code dir} if needed. A folder written before the shared database holds the tables in
     * the file of the local credentials and region: it becomes the shared file, so they are kept.
     */
    private static Path sharedDatabaseIn(Path dir) {
        try {
            Files.createDirectories(dir);
            Path perCredentials = dir.resolve(CREDENTIALS.resolveCredentials().accessKeyId() + "_" + REGION.id() + ".db");
            Path shared = dir.resolve(SHARED_DATABASE_FILE);
            if (Files.exists(perCredentials) && !Files.exists(shared)) {
                Files.move(perCredentials, shared);
            }
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare " + dir, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
