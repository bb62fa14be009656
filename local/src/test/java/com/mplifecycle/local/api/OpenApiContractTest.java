package com.mplifecycle.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.mplifecycle.devtools.template.CloudFormationYaml;
import com.mplifecycle.devtools.template.FunctionDefinition;
import com.mplifecycle.devtools.template.SamTemplate;

/** docs/openapi.yaml documents exactly the routes template.yaml declares: none missing, none extra. */
class OpenApiContractTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private static Set<String> templateRoutes() {
        Set<String> routes = new TreeSet<>();
        for (FunctionDefinition f : FunctionDefinition.all(SamTemplate.load(SamTemplate.locate())).values()) {
            for (Map<String, Object> event : f.events().values()) {
                if ("HttpApi".equals(event.get("Type"))) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> props = (Map<String, Object>) event.get("Properties");
                    routes.add(props.get("Method").toString().toUpperCase() + " " + props.get("Path"));
                }
            }
        }
        return routes;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> openApi() throws IOException {
        Path file = SamTemplate.locate().getParent().resolve("docs/openapi.yaml");
        return CloudFormationYaml.parse(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> documentedRoutes(Map<String, Object> doc) {
        Set<String> routes = new TreeSet<>();
        ((Map<String, Object>) doc.get("paths")).forEach((path, item) -> ((Map<String, Object>) item).keySet().stream()
                .filter(METHODS::contains).forEach(m -> routes.add(m.toUpperCase() + " " + path)));
        return routes;
    }

    @Test
    void openApi_documentsExactlyTheTemplatesRoutes() throws IOException {
        Set<String> declared = templateRoutes();

        Set<String> documented = documentedRoutes(openApi());

        assertFalse(declared.isEmpty());
        assertEquals(declared, documented, "template routes vs docs/openapi.yaml paths");
    }

    @Test
    void openApi_isVersion3() throws IOException {
        assertEquals("3", String.valueOf(openApi().get("openapi")).substring(0, 1));
    }
}
