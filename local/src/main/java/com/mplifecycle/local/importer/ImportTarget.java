package com.mplifecycle.local.importer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.config.AwsClients;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.devtools.template.LocalResourceNames;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB the import writes to, built with the functions' own client configuration
 * ({@link AwsClients}): locally DynamoDB Local with the dummy credentials of the local runtime, in
 * the cloud the operator's credentials from the environment or the default provider chain.
 *
 * <p>{@code clock} is the target's time, what "paid in the future" and the imported stages are judged
 * by: a running runtime's controllable clock (tests and demos set it ahead), AWS's time (the
 * {@code Date} of its answer) for the deployed tables, this machine's for a bare endpoint.
 */
public record ImportTarget(DynamoDbClient client, String profilesTable, String appsTable, String where,
                           Clock clock, String clockSource) implements AutoCloseable {

    /** No DynamoDB to write to: the local runtime is not running, or answers something else. */
    public static final class UnavailableException extends Exception {
        UnavailableException(String message) {
            super(message);
        }
    }

    /** @param local this machine's clock */
    static ImportTarget open(ImportOptions options, Map<String, String> environment, Clock local)
            throws UnavailableException {
        Map<String, String> variables = new HashMap<>();
        String where;
        if (options.aws()) {
            variables.putAll(environment);
            variables.put("AWS_REGION", options.region());
            where = options.profilesTable() + " in " + options.region();
        } else {
            URI endpoint = options.endpoint() != null ? options.endpoint() : localEndpoint(options.runtime());
            variables.put("AWS_REGION", LocalResourceNames.REGION);
            variables.put("AWS_ACCESS_KEY_ID", "local");
            variables.put("AWS_SECRET_ACCESS_KEY", "local");
            variables.put("AWS_ENDPOINT_URL_DYNAMODB", endpoint.toString());
            where = options.profilesTable() + " at " + endpoint;
        }
        DynamoDbClient client = new AwsClients(new FunctionEnv(variables, Clock.systemUTC())).dynamoDb();
        try {
            if (options.aws()) {
                return new ImportTarget(client, options.profilesTable(), options.appsTable(), where,
                        TargetClock.following(TargetClock.awsTime(client, options.profilesTable()), local),
                        "AWS time");
            }
            if (options.endpoint() == null) {
                return new ImportTarget(client, options.profilesTable(), options.appsTable(), where,
                        TargetClock.following(TargetClock.runtimeTime(options.runtime()), local),
                        "the runtime's clock");
            }
            return new ImportTarget(client, options.profilesTable(), options.appsTable(), where, local,
                    "this machine's clock");
        } catch (UnavailableException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /**
     * A DynamoDB client for an operator's command: the local runtime's DynamoDB Local (asked at
     * {@code runtime}), a given endpoint, or with {@code aws} the real service in {@code region}.
     */
    public static DynamoDbClient client(boolean aws, URI endpoint, URI runtime, String region,
                                        Map<String, String> environment) throws UnavailableException {
        Map<String, String> variables = new HashMap<>();
        if (aws) {
            variables.putAll(environment);
            variables.put("AWS_REGION", region);
        } else {
            variables.put("AWS_REGION", LocalResourceNames.REGION);
            variables.put("AWS_ACCESS_KEY_ID", "local");
            variables.put("AWS_SECRET_ACCESS_KEY", "local");
            variables.put("AWS_ENDPOINT_URL_DYNAMODB", (endpoint != null ? endpoint : localEndpoint(runtime)).toString());
        }
        return new AwsClients(new FunctionEnv(variables, Clock.systemUTC())).dynamoDb();
    }

    /** The DynamoDB Local endpoint of a running {@code ./run-local}, from its health endpoint. */
    static URI localEndpoint(URI runtime) throws UnavailableException {
        URI health = runtime.resolve("/_local/health");
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()
                    .send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
            JsonNode dynamodb = Json.read(response.body(), JsonNode.class).path("endpoints").path("dynamodb");
            if (response.statusCode() != 200 || !dynamodb.isTextual()) {
                throw new UnavailableException(health + " answered " + response.statusCode()
                        + " without endpoints.dynamodb");
            }
            return URI.create(dynamodb.asText());
        } catch (IOException | IllegalArgumentException e) {
            throw new UnavailableException("no local runtime at " + runtime + " (" + e.getMessage()
                    + "); start ./run-local, or give --endpoint URL or --aws");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while asking " + health);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
