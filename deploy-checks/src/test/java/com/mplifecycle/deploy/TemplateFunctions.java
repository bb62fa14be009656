package com.mplifecycle.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mplifecycle.devtools.template.FunctionDefinition;
import com.mplifecycle.devtools.template.SamTemplate;

/** The repository's template and its functions, for the consistency tests. */
final class TemplateFunctions {
    static final SamTemplate TEMPLATE = SamTemplate.load(TemplateText.path());
    static final Path REPOSITORY = TemplateText.path().getParent();

    private TemplateFunctions() {
    }

    static List<FunctionDefinition> all() {
        return new ArrayList<>(FunctionDefinition.all(TEMPLATE).values());
    }

    /** The function's own Properties, before Globals. */
    static Map<String, Object> properties(String logicalId) {
        return TEMPLATE.resourcesOfType("AWS::Serverless::Function").get(logicalId);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> resource(String logicalId) {
        return TEMPLATE.resources().get(logicalId);
    }

    static String typeOf(String logicalId) {
        Map<String, Object> resource = resource(logicalId);
        return resource == null ? null : (String) resource.get("Type");
    }

    /** X for {@code {"Ref": "X"}} and {@code {"Fn::GetAtt": ["X", ...]}}; null for anything else. */
    @SuppressWarnings("unchecked")
    static String target(Object value) {
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            Object ref = map.get("Ref");
            if (ref instanceof String s) {
                return s;
            }
            Object getAtt = map.get("Fn::GetAtt");
            if (getAtt instanceof List<?> parts && !parts.isEmpty()) {
                return String.valueOf(parts.get(0));
            }
        }
        return null;
    }

    /** Every Ref / GetAtt target inside {@code value}, and every ${Name} of a Sub. */
    @SuppressWarnings("unchecked")
    static void collectTargets(Object value, java.util.Collection<String> out) {
        String t = target(value);
        if (t != null) {
            out.add(t);
            return;
        }
        if (value instanceof Map<?, ?> map) {
            Object sub = map.size() == 1 ? map.get("Fn::Sub") : null;
            if (sub != null) {
                String text = sub instanceof List<?> l ? String.valueOf(l.get(0)) : String.valueOf(sub);
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{([^}!.]+)[^}]*}").matcher(text);
                while (m.find()) {
                    out.add(m.group(1));
                }
                if (sub instanceof List<?> l && l.size() > 1) {
                    collectTargets(l.get(1), out);
                }
                return;
            }
            map.values().forEach(v -> collectTargets(v, out));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collectTargets(v, out));
        }
    }
}
