package com.mplifecycle.devtools.sandbox;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.mplifecycle.devtools.dynamodb.DynamoDbLocalServer;
import com.mplifecycle.devtools.dynamodb.TableProvisioner;
import com.mplifecycle.devtools.template.FunctionDefinition;
import com.mplifecycle.devtools.template.IntrinsicResolver;
import com.mplifecycle.devtools.template.LocalResourceNames;
import com.mplifecycle.devtools.template.SamTemplate;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The template's tables in an in-process DynamoDB Local, and each function's environment
 * resolved against them: what integration tests and the local runtime wire handlers with.
 */
public final class LocalAws implements AutoCloseable {
    /** Parameter values for local runs; nothing here is a real secret. */
    public static final Map<String, String> LOCAL_PARAMETERS = Map.of("Stage", "local", "SecretsArn",
            "arn:aws:secretsmanager:us-east-1:000000000000:secret:local");

    private final DynamoDbLocalServer dynamo;
    private final DynamoDbClient client;
    private final SamTemplate template;
    private final LocalResourceNames names;
    private final Map<String, FunctionDefinition> functions;
    private final Map<String, String> endpoints = new LinkedHashMap<>();

    private LocalAws(DynamoDbLocalServer dynamo, SamTemplate template, Map<String, String> parameterOverrides) {
        this.dynamo = dynamo;
        this.client = dynamo.client();
        this.template = template;
        Map<String, String> parameters = new LinkedHashMap<>(LOCAL_PARAMETERS);
        parameters.putAll(parameterOverrides);
        this.names = new LocalResourceNames(template, IntrinsicResolver.parameters(template, parameters));
        this.functions = FunctionDefinition.all(template);
        new TableProvisioner(client).createAll(template, id -> id);
        endpoints.put("AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint().toString());
    }

    /** The repository's template, tables in memory. */
    public static LocalAws start() {
        return start(SamTemplate.load(SamTemplate.locate()), null, Map.of());
    }

    public static LocalAws start(SamTemplate template, Path dataDir, Map<String, String> parameterOverrides) {
        return new LocalAws(DynamoDbLocalServer.start(dataDir, 0), template, parameterOverrides);
    }

    /** Points the functions' clients of one service at a local endpoint (e.g. EVENTBRIDGE). */
    public void endpoint(String service, URI endpoint) {
        endpoints.put("AWS_ENDPOINT_URL_" + service, endpoint.toString());
    }

    /** The function's environment: the template's variables resolved locally, plus region, credentials and endpoints. */
    public Map<String, String> environment(String functionLogicalId) {
        FunctionDefinition f = functions.get(functionLogicalId);
        if (f == null) {
            throw new IllegalArgumentException("no function " + functionLogicalId + " in the template");
        }
        Map<String, String> env = new LinkedHashMap<>(names.environment(f));
        env.put("AWS_REGION", LocalResourceNames.REGION);
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.putAll(endpoints);
        return env;
    }

    public SamTemplate template() {
        return template;
    }

    public LocalResourceNames names() {
        return names;
    }

    public Map<String, FunctionDefinition> functions() {
        return functions;
    }

    public DynamoDbLocalServer dynamo() {
        return dynamo;
    }

    public DynamoDbClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        dynamo.close();
    }
}
