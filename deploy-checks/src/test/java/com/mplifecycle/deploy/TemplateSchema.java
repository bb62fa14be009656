package com.mplifecycle.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mplifecycle.devtools.sandbox.LocalAws;
import com.mplifecycle.devtools.template.IntrinsicResolver;
import com.mplifecycle.devtools.template.LocalResourceNames;
import com.mplifecycle.devtools.template.SamTemplate;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Validates a SAM template resource by resource: each {@code AWS::Serverless::*} resource against its own
 * definition in SAM's schema (its events one by one against their event definitions, so one typo gives one
 * message rather than one per event type), {@code Globals} against SAM's Globals definition, and every other
 * resource's {@code Properties} against its CloudFormation registry schema after {@link Placeholders} has
 * replaced the intrinsics. Each finding starts with the logical id of the resource it is about.
 */
final class TemplateSchema {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAM_PREFIX = "AWS::Serverless::";
    private static final String FUNCTION_PROPERTIES =
            "samtranslator__internal__schema_source__aws_serverless_function__Properties";
    private static final String GLOBALS = "__main____Globals";

    private final JsonNode sam;
    private final Map<String, String> definitionByResourceType = new HashMap<>();
    private final Map<String, String> definitionByFunctionEventType = new HashMap<>();
    private final Map<String, JsonSchema> samSchemas = new HashMap<>();
    private final Map<String, JsonSchema> registrySchemas = new HashMap<>();
    private final JsonSchemaFactory draft4 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private final JsonSchemaFactory draft7 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    private TemplateSchema(JsonNode sam) {
        this.sam = sam;
        sam.get("definitions").fields().forEachRemaining(e -> {
            JsonNode types = e.getValue().path("properties").path("Type").path("enum");
            if (e.getKey().endsWith("__Resource") && types.size() == 1
                    && types.get(0).asText().startsWith(SAM_PREFIX)) {
                definitionByResourceType.put(types.get(0).asText(), e.getKey());
            }
        });
        for (JsonNode branch : sam.at("/definitions/" + FUNCTION_PROPERTIES + "/properties/Events"
                + "/additionalProperties/anyOf")) {
            String name = branch.get("$ref").asText().substring("#/definitions/".length());
            for (JsonNode type : sam.at("/definitions/" + name + "/properties/Type/enum")) {
                definitionByFunctionEventType.put(type.asText(), name);
            }
        }
    }

    /** SAM's schema and the registry schemas from {@code src/test/resources/schemas}. */
    static TemplateSchema load() {
        return new TemplateSchema(readResource("/schemas/sam.schema.json"));
    }

    /** Every problem found, each prefixed with the logical id it is about; empty when the template is valid. */
    @SuppressWarnings("unchecked")
    List<String> validate(SamTemplate template) {
        List<String> findings = new ArrayList<>();
        Map<String, Object> globals = template.section("Globals");
        if (!globals.isEmpty()) {
            report(findings, "Globals", samSchema(GLOBALS).validate(JSON.valueToTree(globals)));
        }
        Placeholders placeholders = new Placeholders(resolver(template));
        template.resources().forEach((id, resource) -> {
            Object type = resource.get("Type");
            if (!(type instanceof String typeName)) {
                findings.add(id + ": a resource needs a Type");
            } else if (typeName.startsWith(SAM_PREFIX)) {
                validateSamResource(findings, id, typeName, resource);
            } else {
                JsonSchema schema = registrySchema(typeName);
                if (schema == null) {
                    findings.add(id + " (" + typeName + "): no CloudFormation registry schema for this type in "
                            + "src/test/resources/schemas/cfn; add it (see the README there)");
                    return;
                }
                Map<String, Object> properties = (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
                JsonNode concrete = placeholders.replace(properties, schema.getSchemaNode());
                report(findings, id + " (" + typeName + ") Properties", schema.validate(concrete));
            }
        });
        return findings;
    }

    @SuppressWarnings("unchecked")
    private void validateSamResource(List<String> findings, String id, String type, Map<String, Object> resource) {
        String definition = definitionByResourceType.get(type);
        if (definition == null) {
            findings.add(id + ": " + type + " is not a SAM resource type");
            return;
        }
        ObjectNode node = JSON.valueToTree(resource);
        JsonNode events = node.path("Properties").path("Events");
        if (type.equals("AWS::Serverless::Function") && events.isObject()) {
            ((ObjectNode) node.get("Properties")).remove("Events");
            events.fields().forEachRemaining(e -> validateFunctionEvent(findings, id, e.getKey(), e.getValue()));
        }
        report(findings, id + " (" + type + ")", samSchema(definition).validate(node));
    }

    private void validateFunctionEvent(List<String> findings, String id, String name, JsonNode event) {
        String where = id + " Events." + name;
        String definition = definitionByFunctionEventType.get(event.path("Type").asText());
        if (definition == null) {
            findings.add(where + ": Type '" + event.path("Type").asText() + "' is not a function event type of SAM");
            return;
        }
        report(findings, where + " (" + event.path("Type").asText() + ")", samSchema(definition).validate(event));
    }

    private static void report(List<String> findings, String where, java.util.Set<ValidationMessage> messages) {
        messages.stream().sorted(Comparator.comparing(ValidationMessage::getMessage))
                .forEach(m -> findings.add(where + ": " + m.getMessage()));
    }

    /** One definition of SAM's schema as a schema of its own, sharing the definitions it refers to. */
    private JsonSchema samSchema(String definition) {
        return samSchemas.computeIfAbsent(definition, d -> {
            ObjectNode root = JSON.createObjectNode();
            root.put("$schema", "http://json-schema.org/draft-04/schema#");
            root.set("definitions", sam.get("definitions"));
            root.put("$ref", "#/definitions/" + d);
            return draft4.getSchema(root);
        });
    }

    /** {@code AWS::DynamoDB::Table} is in {@code cfn/aws-dynamodb-table.json}; null when there is no such file. */
    private JsonSchema registrySchema(String type) {
        return registrySchemas.computeIfAbsent(type, t -> {
            String file = "/schemas/cfn/" + t.toLowerCase(java.util.Locale.ROOT).replace("::", "-") + ".json";
            if (TemplateSchema.class.getResource(file) == null) {
                return null;
            }
            return draft7.getSchema(readResource(file));
        });
    }

    private static IntrinsicResolver resolver(SamTemplate template) {
        Map<String, String> parameters = IntrinsicResolver.parameters(template,
                new LinkedHashMap<>(LocalAws.LOCAL_PARAMETERS));
        LocalResourceNames names = new LocalResourceNames(template, parameters);
        return new IntrinsicResolver(parameters, names::valueOf);
    }

    private static JsonNode readResource(String path) {
        try (InputStream in = TemplateSchema.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
