package com.mplifecycle.devtools.template;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code AWS::Serverless::Function} of the template with Globals applied: handler, timeout,
 * memory, the raw (unresolved) environment, and its events by name.
 */
public record FunctionDefinition(String logicalId, String handler, String codeUri, int timeoutSeconds,
                                 int memoryMb, Map<String, Object> environment,
                                 Map<String, Map<String, Object>> events) {
    public FunctionDefinition {
        environment = Map.copyOf(environment);
        events = Map.copyOf(events);
    }

    /** The handler class name (the part before {@code ::}). */
    public String handlerClass() {
        int i = handler.indexOf("::");
        return i < 0 ? handler : handler.substring(0, i);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, FunctionDefinition> all(SamTemplate template) {
        Map<String, Object> globals = (Map<String, Object>) template.section("Globals")
                .getOrDefault("Function", Map.of());
        Map<String, FunctionDefinition> out = new LinkedHashMap<>();
        template.resourcesOfType("AWS::Serverless::Function").forEach((id, props) -> {
            Map<String, Object> env = new LinkedHashMap<>(variables(globals));
            env.putAll(variables(props));
            Map<String, Map<String, Object>> events = new LinkedHashMap<>();
            ((Map<String, Map<String, Object>>) props.getOrDefault("Events", Map.of())).forEach(events::put);
            out.put(id, new FunctionDefinition(id, (String) props.get("Handler"), (String) props.get("CodeUri"),
                    number(props, globals, "Timeout", 3), number(props, globals, "MemorySize", 128), env, events));
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(Map<String, Object> props) {
        Map<String, Object> environment = (Map<String, Object>) props.getOrDefault("Environment", Map.of());
        return (Map<String, Object>) environment.getOrDefault("Variables", Map.of());
    }

    private static int number(Map<String, Object> props, Map<String, Object> globals, String key, int def) {
        Object v = props.containsKey(key) ? props.get(key) : globals.get(key);
        return v == null ? def : Integer.parseInt(String.valueOf(v));
    }
}
