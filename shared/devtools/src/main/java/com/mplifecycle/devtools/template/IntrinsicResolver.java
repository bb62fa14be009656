package com.mplifecycle.devtools.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves CloudFormation intrinsics ({@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub},
 * {@code Fn::Join}) to local values: a {@code Ref} to a parameter gives its value, a {@code Ref}
 * or attribute of a resource gives what {@code resourceValue} says (local table names, ARNs).
 */
public final class IntrinsicResolver {
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private final Map<String, String> parameters;
    private final Function<String, String> resourceValue;

    /**
     * @param parameters parameter values (overrides already merged with defaults) and pseudo
     *     parameters such as {@code AWS::Region}
     * @param resourceValue maps {@code LogicalId} (a Ref) or {@code LogicalId.Attribute} to a value
     */
    public IntrinsicResolver(Map<String, String> parameters, Function<String, String> resourceValue) {
        this.parameters = Map.copyOf(parameters);
        this.resourceValue = resourceValue;
    }

    /** Parameter defaults of the template, overridden by {@code overrides}, plus pseudo parameters. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> parameters(SamTemplate template, Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("AWS::Region", "us-east-1");
        values.put("AWS::AccountId", "000000000000");
        values.put("AWS::Partition", "aws");
        values.put("AWS::StackName", "local");
        template.section("Parameters").forEach((name, spec) -> {
            Object def = ((Map<String, Object>) spec).get("Default");
            if (def != null) {
                values.put(name, String.valueOf(def));
            }
        });
        values.putAll(overrides);
        return values;
    }

    public String resolveToString(Object value) {
        Object resolved = resolve(value);
        if (!(resolved instanceof String || resolved instanceof Number || resolved instanceof Boolean)) {
            throw new IllegalArgumentException("not a scalar after resolution: " + value);
        }
        return String.valueOf(resolved);
    }

    @SuppressWarnings("unchecked")
    public Object resolve(Object value) {
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(resolve(v)));
            return out;
        }
        if (!(value instanceof Map<?, ?> map)) {
            return value;
        }
        if (map.size() == 1) {
            Map.Entry<String, Object> e = ((Map<String, Object>) map).entrySet().iterator().next();
            switch (e.getKey()) {
                case "Ref":
                    return ref((String) e.getValue());
                case "Fn::GetAtt":
                    List<Object> parts = (List<Object>) e.getValue();
                    return lookup(parts.get(0) + "." + parts.get(1));
                case "Fn::Sub":
                    return sub(e.getValue());
                case "Fn::Join":
                    List<Object> args = (List<Object>) e.getValue();
                    List<String> items = new ArrayList<>();
                    ((List<Object>) resolve(args.get(1))).forEach(i -> items.add(String.valueOf(i)));
                    return String.join((String) args.get(0), items);
                default:
                    break;
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<String, Object>) map).forEach((k, v) -> out.put(k, resolve(v)));
        return out;
    }

    private String ref(String name) {
        String p = parameters.get(name);
        return p != null ? p : lookup(name);
    }

    private String lookup(String key) {
        String v = resourceValue.apply(key);
        if (v == null) {
            throw new IllegalArgumentException("cannot resolve " + key + " locally");
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private String sub(Object spec) {
        String text;
        Map<String, Object> vars = Map.of();
        if (spec instanceof List<?> list) {
            text = (String) list.get(0);
            vars = (Map<String, Object>) list.get(1);
        } else {
            text = (String) spec;
        }
        Matcher m = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = vars.containsKey(name) ? resolveToString(vars.get(name))
                    : name.contains(".") && !parameters.containsKey(name) ? lookup(name) : ref(name);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
