package com.mplifecycle.deploy;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mplifecycle.devtools.template.IntrinsicResolver;

/**
 * Turns a resource's {@code Properties} (intrinsics in their long form) into plain JSON a CloudFormation
 * registry schema can check: each intrinsic becomes a value of the type the schema expects at that place.
 * Where the intrinsic resolves locally ({@code !Ref} to a parameter with a default, {@code !Sub} of known
 * names, {@code !GetAtt} of a table's ARN) its local value is used, converted to that type; otherwise a
 * neutral value of that type (an enum's first value, a number's minimum).
 */
final class Placeholders {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final IntrinsicResolver resolver;

    Placeholders(IntrinsicResolver resolver) {
        this.resolver = resolver;
    }

    /** {@code value} with every intrinsic replaced, read against {@code rootSchema}'s top level. */
    JsonNode replace(Object value, JsonNode rootSchema) {
        return replace(value, rootSchema, rootSchema);
    }

    private JsonNode replace(Object value, JsonNode schema, JsonNode root) {
        JsonNode s = deref(schema, root);
        if (isIntrinsic(value)) {
            return typed(resolved(value), s);
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode out = NODES.objectNode();
            map.forEach((k, v) -> out.set(String.valueOf(k), replace(v, child(s, String.valueOf(k)), root)));
            return out;
        }
        if (value instanceof List<?> list) {
            ArrayNode out = NODES.arrayNode();
            JsonNode items = s.path("items");
            list.forEach(v -> out.add(replace(v, items, root)));
            return out;
        }
        return JSON.valueToTree(value);
    }

    static boolean isIntrinsic(Object value) {
        if (!(value instanceof Map<?, ?> map) || map.size() != 1) {
            return false;
        }
        String key = String.valueOf(map.keySet().iterator().next());
        return key.equals("Ref") || key.startsWith("Fn::") || key.equals("Condition");
    }

    private String resolved(Object intrinsic) {
        try {
            return resolver.resolveToString(intrinsic);
        } catch (RuntimeException notLocal) {
            return null;
        }
    }

    private static JsonNode typed(String resolved, JsonNode schema) {
        switch (type(schema)) {
            case "integer":
            case "number":
                if (resolved != null && resolved.matches("-?\\d+(\\.\\d+)?")) {
                    return resolved.contains(".") ? NODES.numberNode(Double.parseDouble(resolved))
                            : NODES.numberNode(Long.parseLong(resolved));
                }
                return NODES.numberNode(schema.path("minimum").asLong(1));
            case "boolean":
                return NODES.booleanNode(resolved == null || Boolean.parseBoolean(resolved));
            case "array":
                return NODES.arrayNode();
            case "object":
                return NODES.objectNode();
            default:
                if (resolved != null) {
                    return NODES.textNode(resolved);
                }
                return schema.has("enum") ? schema.get("enum").get(0) : NODES.textNode("placeholder");
        }
    }

    /** The schema's type; the first one when it allows several; "string" when it says nothing. */
    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            return type.size() == 0 ? "string" : type.get(0).asText();
        }
        return type.isTextual() ? type.asText() : "string";
    }

    private static JsonNode child(JsonNode schema, String key) {
        JsonNode property = schema.path("properties").path(key);
        if (!property.isMissingNode()) {
            return property;
        }
        Iterator<Map.Entry<String, JsonNode>> patterns = schema.path("patternProperties").fields();
        while (patterns.hasNext()) {
            Map.Entry<String, JsonNode> p = patterns.next();
            if (key.matches(".*(" + p.getKey() + ").*")) {
                return p.getValue();
            }
        }
        JsonNode additional = schema.path("additionalProperties");
        return additional.isObject() ? additional : NODES.objectNode();
    }

    /** Follows local {@code $ref}s; an {@code anyOf}/{@code oneOf} without a type of its own gives its first typed branch. */
    private static JsonNode deref(JsonNode schema, JsonNode root) {
        JsonNode s = schema;
        for (int hops = 0; hops < 16 && s.has("$ref"); hops++) {
            s = root.at(s.get("$ref").asText().substring(1));
        }
        if (!s.has("type") && !s.has("properties")) {
            for (String combinator : List.of("anyOf", "oneOf")) {
                for (JsonNode branch : s.path(combinator)) {
                    JsonNode b = deref(branch, root);
                    if (b.has("type")) {
                        return b;
                    }
                }
            }
        }
        return s;
    }
}
