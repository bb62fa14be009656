package com.mplifecycle.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.http.ApiRequest;
import com.mplifecycle.aws.http.ApiResponse;
import com.mplifecycle.devtools.template.FunctionDefinition;

/**
 * Every function's Handler is a class of the right shape for the events the template sends it. HTTP
 * API routes go to stream handlers that read the payload 2.0 JSON themselves ({@link ApiRequest});
 * the other events may go to stream handlers too (all of ours do: Lambda's serialization library
 * stays out of their cold start) or to typed handlers whose input that library builds.
 */
class HandlerContractTest {
    /** What Lambda can turn each event type's JSON into; a scheduled event is also fine as a Map or Object. */
    private static final Map<String, Set<Type>> INPUTS = Map.of(
            "DynamoDB", Set.of(DynamodbEvent.class),
            "Schedule", Set.of(ScheduledEvent.class, Map.class, Object.class),
            "ScheduleV2", Set.of(ScheduledEvent.class, Map.class, Object.class),
            "EventBridgeRule", Set.of(ScheduledEvent.class, Map.class, Object.class));

    static List<FunctionDefinition> functions() {
        return TemplateFunctions.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void handler_ofEachFunction_isPublicRequestHandlerClass(FunctionDefinition function) throws Exception {
        Class<?> handler = Class.forName(function.handlerClass());

        assertTrue(RequestHandler.class.isAssignableFrom(handler) != RequestStreamHandler.class.isAssignableFrom(handler),
                handler + " implements one of RequestHandler and RequestStreamHandler");
        assertTrue(Modifier.isPublic(handler.getModifiers()) && !Modifier.isAbstract(handler.getModifiers()),
                handler + " is public and concrete");
        assertEquals("handleRequest", function.handler().substring(function.handler().indexOf("::") + 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void handler_ofEachFunction_hasLambdaAndWiringConstructors(FunctionDefinition function) throws Exception {
        Class<?> handler = Class.forName(function.handlerClass());

        assertTrue(Modifier.isPublic(handler.getConstructor().getModifiers()));
        assertTrue(Modifier.isPublic(handler.getConstructor(FunctionEnv.class).getModifiers()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void handler_ofEachFunction_takesTheInputItsEventsSend(FunctionDefinition function) throws Exception {
        Class<?> handler = Class.forName(function.handlerClass());

        assertTrue(!function.events().isEmpty(), function.logicalId() + " has events");
        for (Map.Entry<String, Map<String, Object>> event : function.events().entrySet()) {
            String type = String.valueOf(event.getValue().get("Type"));
            if ("HttpApi".equals(type)) {
                assertTrue(RequestStreamHandler.class.isAssignableFrom(handler),
                        () -> function.logicalId() + " event " + event.getKey() + " (HttpApi) needs a stream handler");
                Method handle = handler.getMethod("handle", ApiRequest.class);
                assertEquals(ApiResponse.class, handle.getReturnType(), function.logicalId() + " answers HTTP");
                continue;
            }
            Set<Type> accepted = INPUTS.get(type);
            assertTrue(accepted != null, () -> "no expected input for event type " + type + "; add it to INPUTS");
            if (RequestStreamHandler.class.isAssignableFrom(handler)) {
                continue; // reads the event's JSON object itself (JsonObjectCall)
            }
            Type input = raw(handleRequest(handler).getGenericParameterTypes()[0]);
            assertTrue(accepted.contains(input), () -> function.logicalId() + " event " + event.getKey() + " ("
                    + type + ") needs an input of " + accepted + ", the handler takes " + input);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    @SuppressWarnings("unchecked")
    void handler_ofEachFunction_answersWhatItsEventsExpect(FunctionDefinition function) throws Exception {
        for (Map<String, Object> event : function.events().values()) {
            Map<String, Object> properties = (Map<String, Object>) event.getOrDefault("Properties", Map.of());
            List<Object> responseTypes = (List<Object>) properties.getOrDefault("FunctionResponseTypes", List.of());
            if (responseTypes.contains("ReportBatchItemFailures")
                    && !RequestStreamHandler.class.isAssignableFrom(Class.forName(function.handlerClass()))) {
                // (a stream handler writes {"batchItemFailures": […]} itself: LifecycleHandlerIT reads it back)
                Type output = raw(handleRequest(Class.forName(function.handlerClass())).getGenericReturnType());
                assertEquals(StreamsEventResponse.class, output,
                        function.logicalId() + " reports batch item failures, so it answers StreamsEventResponse");
            }
        }
    }

    /** events/ holds the sample events of `sam local invoke`: the HTTP ones must read as their route's requests. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({
        "session.json, POST /v1/session",
        "ingest.json,  POST /v1/events",
    })
    void sampleEvent_ofEachHttpFunction_readsAsItsRoute(String file, String routeKey) throws Exception {
        byte[] json = java.nio.file.Files.readAllBytes(TemplateText.path().resolveSibling("events").resolve(file));

        ApiRequest request = ApiRequest.parse(json);

        assertEquals(routeKey, request.routeKey());
        assertEquals(routeKey.substring(0, routeKey.indexOf(' ')), request.method());
        assertTrue(request.body() != null && request.body().length > 0, file + " has a body");
    }

    /** The handleRequest(I, Context) the runtime calls: the non-bridge one. */
    private static Method handleRequest(Class<?> handler) {
        Set<Method> candidates = new LinkedHashSet<>();
        Arrays.stream(handler.getMethods())
                .filter(m -> m.getName().equals("handleRequest") && !m.isBridge() && m.getParameterCount() == 2
                        && m.getParameterTypes()[1] == Context.class)
                .forEach(candidates::add);
        assertEquals(1, candidates.size(), () -> handler + " has exactly one handleRequest(I, Context)");
        return candidates.iterator().next();
    }

    private static Type raw(Type type) {
        return type instanceof ParameterizedType p ? p.getRawType() : type;
    }
}
