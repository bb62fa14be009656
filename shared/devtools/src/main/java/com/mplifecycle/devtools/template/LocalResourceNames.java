package com.mplifecycle.devtools.template;

import java.util.Map;

/**
 * What a template's resources are called on this machine: tables and buses by logical id, ARNs
 * in the local account and region. The local runtime and the tests resolve intrinsics with it.
 */
public final class LocalResourceNames {
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "000000000000";

    private final SamTemplate template;
    private final Map<String, String> parameters;

    public LocalResourceNames(SamTemplate template, Map<String, String> parameters) {
        this.template = template;
        this.parameters = parameters;
    }

    /** Value of {@code LogicalId} (a Ref) or {@code LogicalId.Attribute}; null when unknown. */
    public String valueOf(String key) {
        int dot = key.indexOf('.');
        String id = dot < 0 ? key : key.substring(0, dot);
        String attribute = dot < 0 ? null : key.substring(dot + 1);
        Map<String, Object> resource = template.resources().get(id);
        if (resource == null) {
            return null;
        }
        String type = (String) resource.get("Type");
        String name = physicalName(id, type);
        if (attribute == null) {
            return type.equals("AWS::SQS::Queue") ? "http://127.0.0.1/" + ACCOUNT + "/" + name : name;
        }
        switch (type + "." + attribute) {
            case "AWS::DynamoDB::Table.Arn":
                return "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/" + name;
            case "AWS::DynamoDB::Table.StreamArn":
                return "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/" + name + "/stream/local";
            case "AWS::Events::EventBus.Arn":
                return "arn:aws:events:" + REGION + ":" + ACCOUNT + ":event-bus/" + name;
            case "AWS::SQS::Queue.Arn":
                return "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":" + name;
            case "AWS::SQS::Queue.QueueName":
                return name;
            default:
                return "arn:aws:local:" + REGION + ":" + ACCOUNT + ":" + id + "/" + attribute;
        }
    }

    /** The local name of a resource: a bus keeps its declared Name, everything else its logical id. */
    @SuppressWarnings("unchecked")
    public String physicalName(String logicalId, String type) {
        if ("AWS::Events::EventBus".equals(type)) {
            Map<String, Object> props = (Map<String, Object>) template.resources().get(logicalId)
                    .getOrDefault("Properties", Map.of());
            Object declared = props.get("Name");
            if (declared != null) {
                return new IntrinsicResolver(parameters, k -> null).resolveToString(declared);
            }
        }
        return logicalId;
    }

    /** Resolves the template's intrinsics to these names and the parameters' values. */
    public IntrinsicResolver resolver() {
        return new IntrinsicResolver(parameters, this::valueOf);
    }

    /** The function's environment with every intrinsic resolved to its local value. */
    public Map<String, String> environment(FunctionDefinition function) {
        IntrinsicResolver resolver = resolver();
        Map<String, String> env = new java.util.LinkedHashMap<>();
        function.environment().forEach((k, v) -> env.put(k, resolver.resolveToString(v)));
        return env;
    }
}
