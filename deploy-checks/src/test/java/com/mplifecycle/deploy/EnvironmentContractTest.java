package com.mplifecycle.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.devtools.template.FunctionDefinition;

/** The template sets every environment variable a function's code reads, and only those the code reads. */
class EnvironmentContractTest {
    /** Read by the code only in tests and benchmarks; set in the cloud, it would bypass Secrets Manager. */
    static final Set<String> LOCAL_ONLY = Set.of(FunctionEnv.LOCAL_SECRETS_JSON);

    private static final SourceScan SCAN = new SourceScan(TemplateFunctions.REPOSITORY);

    static java.util.List<FunctionDefinition> functions() {
        return TemplateFunctions.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void variablesRead_byEachFunction_areSetByTemplate(FunctionDefinition function) {
        Set<String> missing = new TreeSet<>(SCAN.variablesRead(function.codeUri()));
        missing.removeAll(LOCAL_ONLY);
        missing.removeAll(function.environment().keySet());

        assertEquals(Set.of(), missing, function.logicalId() + " reads variables the template does not set");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    @SuppressWarnings("unchecked")
    void variablesSetForOneFunction_areReadByIt(FunctionDefinition function) {
        Map<String, Object> environment = (Map<String, Object>) TemplateFunctions.properties(function.logicalId())
                .getOrDefault("Environment", Map.of());
        Set<String> unread = new TreeSet<>(((Map<String, Object>) environment.getOrDefault("Variables", Map.of()))
                .keySet());
        unread.removeAll(SCAN.variablesRead(function.codeUri()));

        assertEquals(Set.of(), unread, function.logicalId() + " is given variables its code never reads");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void localOnlyVariables_areNotSetByTemplate(FunctionDefinition function) {
        Set<String> set = new TreeSet<>(function.environment().keySet());
        set.retainAll(LOCAL_ONLY);

        assertEquals(Set.of(), set);
    }

    @Test
    void variablesRead_ingest_followsSharedClassesItUses() {
        Set<String> read = SCAN.variablesRead("functions/ingest");

        // EVENTS_TABLE is read in IngestHandler itself, SECRETS_ARN only in the shared Secrets class.
        assertTrue(read.containsAll(Set.of(FunctionEnv.EVENTS_TABLE, FunctionEnv.SECRETS_ARN)), read::toString);
    }

    @Test
    void variablesRead_lifecycle_excludesSharedClassesItDoesNotUse() {
        Set<String> read = SCAN.variablesRead("functions/lifecycle");

        assertEquals(Set.of(FunctionEnv.APPS_TABLE, FunctionEnv.EVENT_BUS_NAME, FunctionEnv.PROFILES_TABLE), read);
    }

    /**
     * The console calls every admin route ({@code /v1/apps/{appId}/...}) from its own origin: each function
     * serving one is told that origin, the same value, so that its answers carry the CORS headers.
     */
    @Test
    @SuppressWarnings("unchecked")
    void functionsServingAdminRoutes_areToldTheConsolesOrigin() {
        Set<String> serving = new TreeSet<>();
        for (FunctionDefinition f : functions()) {
            Map<String, Object> events = (Map<String, Object>) TemplateFunctions.properties(f.logicalId())
                    .getOrDefault("Events", Map.of());
            events.values().forEach(e -> {
                Map<String, Object> event = (Map<String, Object>) e;
                Object path = ((Map<String, Object>) event.getOrDefault("Properties", Map.of())).get("Path");
                if ("HttpApi".equals(event.get("Type")) && String.valueOf(path).startsWith("/v1/apps/{appId}/")) {
                    serving.add(f.logicalId());
                }
            });
        }
        assertTrue(serving.containsAll(Set.of("AdminFunction", "LoyaltyFunction")), serving::toString);
        for (String id : serving) {
            Map<String, Object> variables = (Map<String, Object>) ((Map<String, Object>) TemplateFunctions
                    .properties(id).getOrDefault("Environment", Map.of())).getOrDefault("Variables", Map.of());
            assertEquals(Map.of("Fn::Sub", "https://${ConsoleDistribution.DomainName}"),
                    variables.get(FunctionEnv.CONSOLE_ORIGIN), id);
        }
    }
}
