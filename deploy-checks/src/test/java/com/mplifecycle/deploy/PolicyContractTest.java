package com.mplifecycle.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mplifecycle.devtools.template.FunctionDefinition;

/**
 * Each function's IAM policies name exactly the tables, bus and secret its code touches (what it touches
 * follows from the environment variables it reads that point at them), scoped to those resources: policy
 * templates from SAM's catalogue with every parameter a reference, inline statements never {@code "*"}.
 */
class PolicyContractTest {
    /** Resource types a function reaches through an environment variable, and so must be granted. */
    private static final Set<String> GRANTED_TYPES = Set.of("AWS::DynamoDB::Table", "AWS::Events::EventBus",
            "AWS::SQS::Queue");
    private static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::Region", "AWS::AccountId", "AWS::Partition",
            "AWS::StackName", "AWS::StackId", "AWS::URLSuffix", "AWS::NoValue", "AWS::NotificationARNs");
    private static final SourceScan SCAN = new SourceScan(TemplateFunctions.REPOSITORY);
    private static JsonNode policyTemplates;

    @BeforeAll
    static void loadPolicyTemplates() throws IOException {
        try (InputStream in = PolicyContractTest.class.getResourceAsStream("/schemas/policy_templates.json")) {
            policyTemplates = new ObjectMapper().readTree(in).get("Templates");
        }
    }

    static List<FunctionDefinition> functions() {
        return TemplateFunctions.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void policies_ofEachFunction_grantExactlyWhatItsCodeTouches(FunctionDefinition function) {
        Set<String> touched = new TreeSet<>();
        for (String variable : SCAN.variablesRead(function.codeUri())) {
            String target = TemplateFunctions.target(function.environment().get(variable));
            String type = target == null ? null : TemplateFunctions.typeOf(target);
            if (target != null && (type != null && GRANTED_TYPES.contains(type) || variable.endsWith("_ARN"))) {
                touched.add(target);
            }
        }

        Set<String> granted = new TreeSet<>();
        policies(function).forEach(policy -> TemplateFunctions.collectTargets(policy, granted));

        assertEquals(touched, granted, function.logicalId() + ": policies must cover what the code touches, "
                + "and nothing else");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    @SuppressWarnings("unchecked")
    void policies_ofEachFunction_areScopedTemplatesOrStatements(FunctionDefinition function) {
        for (Object policy : policies(function)) {
            if (!(policy instanceof Map<?, ?> map) || map.size() != 1) {
                fail(function.logicalId() + ": " + policy + " is a managed policy or not a single policy template;"
                        + " use a scoped policy template or a statement");
                return;
            }
            String name = String.valueOf(map.keySet().iterator().next());
            Object value = map.values().iterator().next();
            if (name.equals("Statement")) {
                assertStatementsScoped(function.logicalId(), value);
                continue;
            }
            JsonNode catalogued = policyTemplates.get(name);
            assertTrue(catalogued != null, () -> function.logicalId() + ": " + name + " is not a SAM policy template");
            Set<String> expected = new TreeSet<>();
            catalogued.path("Parameters").fieldNames().forEachRemaining(expected::add);
            Map<String, Object> arguments = value instanceof Map<?, ?> a ? (Map<String, Object>) a : Map.of();
            assertEquals(expected, new TreeSet<>(arguments.keySet()), function.logicalId() + " " + name);
            arguments.forEach((parameter, argument) -> assertTrue(TemplateFunctions.target(argument) != null,
                    () -> function.logicalId() + " " + name + "." + parameter + " must be a !Ref or !GetAtt, not "
                            + argument));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    @SuppressWarnings("unchecked")
    void failureDestinations_ofEachFunction_areQueuesSamGrantsSendingTo(FunctionDefinition function) {
        for (Map.Entry<String, Map<String, Object>> event : function.events().entrySet()) {
            Map<String, Object> properties = (Map<String, Object>) event.getValue().getOrDefault("Properties", Map.of());
            Map<String, Object> destinations = (Map<String, Object>) properties.get("DestinationConfig");
            if (destinations == null) {
                continue;
            }
            Map<String, Object> onFailure = (Map<String, Object>) destinations.get("OnFailure");
            String queue = TemplateFunctions.target(onFailure.get("Destination"));

            // With Type set, SAM adds the send permission for exactly this destination to the role.
            assertEquals("SQS", onFailure.get("Type"), function.logicalId() + " " + event.getKey());
            assertEquals("AWS::SQS::Queue", TemplateFunctions.typeOf(queue), function.logicalId() + " " + event.getKey());
        }
    }

    @Test
    void everyReference_inTemplate_namesADeclaredResourceOrParameter() {
        List<String> targets = new ArrayList<>();
        TemplateFunctions.collectTargets(TemplateFunctions.TEMPLATE.section("Resources"), targets);
        TemplateFunctions.collectTargets(TemplateFunctions.TEMPLATE.section("Globals"), targets);
        TemplateFunctions.collectTargets(TemplateFunctions.TEMPLATE.section("Outputs"), targets);
        Set<String> unknown = new TreeSet<>();
        for (String target : targets) {
            if (!TemplateFunctions.TEMPLATE.resources().containsKey(target)
                    && !TemplateFunctions.TEMPLATE.section("Parameters").containsKey(target)
                    && !PSEUDO_PARAMETERS.contains(target)) {
                unknown.add(target);
            }
        }

        assertTrue(!targets.isEmpty());
        assertEquals(Set.of(), unknown);
    }

    @Test
    void tableVariables_readByAnyFunction_pointAtDeclaredTables() {
        for (FunctionDefinition function : TemplateFunctions.all()) {
            for (String variable : SCAN.variablesRead(function.codeUri())) {
                if (variable.endsWith("_TABLE")) {
                    String table = TemplateFunctions.target(function.environment().get(variable));
                    assertEquals("AWS::DynamoDB::Table", TemplateFunctions.typeOf(table),
                            function.logicalId() + " " + variable + " must be !Ref of a table in the template");
                }
            }
        }
    }

    private static void assertStatementsScoped(String function, Object statements) {
        List<?> list = statements instanceof List<?> l ? l : List.of(statements);
        for (Object statement : list) {
            Object resource = ((Map<?, ?>) statement).get("Resource");
            List<?> resources = resource instanceof List<?> l ? l : List.of(String.valueOf(resource));
            for (Object r : resources) {
                assertTrue(!(r instanceof String s) || !s.trim().equals("*") && !s.endsWith(":*"),
                        () -> function + ": statement resource " + r + " is a wildcard");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> policies(FunctionDefinition function) {
        Object policies = TemplateFunctions.properties(function.logicalId()).get("Policies");
        if (policies == null) {
            return List.of();
        }
        return policies instanceof List<?> l ? (List<Object>) l : List.of(policies);
    }
}
