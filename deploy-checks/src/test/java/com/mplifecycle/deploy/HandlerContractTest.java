package com.mplifecycle.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.http.ApiRequest;
import com.mplifecycle.aws.http.ApiResponse;
import com.mplifecycle.devtools.template.FunctionDefinition;

/**
 * Every function's Handler is a stream handler of the right shape for the events the template sends
 * it: Lambda's serialization library, which a typed {@code RequestHandler} makes the runtime load,
 * stays out of the cold start (docs/performance.md). HTTP API routes go to handlers that read the
 * payload 2.0 JSON as an {@link ApiRequest}; the others read their event's JSON object themselves
 * ({@code JsonObjectCall}), which their handler tests exercise with the events' real JSON.
 */
class HandlerContractTest {
    /** The event types the template wires to functions; a new one needs a look at what its JSON is. */
    private static final Set<String> EVENT_TYPES = Set.of("HttpApi", "DynamoDB", "Schedule", "ScheduleV2",
            "EventBridgeRule");

    static List<FunctionDefinition> functions() {
        return TemplateFunctions.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void handler_ofEachFunction_isPublicStreamHandlerClass(FunctionDefinition function) throws Exception {
        Class<?> handler = Class.forName(function.handlerClass());

        assertTrue(RequestStreamHandler.class.isAssignableFrom(handler), handler + " implements RequestStreamHandler");
        assertTrue(!RequestHandler.class.isAssignableFrom(handler), handler + " is not also a typed RequestHandler");
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
    void handler_ofEachFunction_takesTheEventsItIsSent(FunctionDefinition function) throws Exception {
        Class<?> handler = Class.forName(function.handlerClass());

        assertTrue(!function.events().isEmpty(), function.logicalId() + " has events");
        for (Map.Entry<String, Map<String, Object>> event : function.events().entrySet()) {
            String type = String.valueOf(event.getValue().get("Type"));
            assertTrue(EVENT_TYPES.contains(type), () -> function.logicalId() + " event " + event.getKey()
                    + " has type " + type + ", which no handler reads yet");
            if ("HttpApi".equals(type)) {
                Method handle = handler.getMethod("handle", ApiRequest.class);
                assertEquals(ApiResponse.class, handle.getReturnType(), function.logicalId() + " answers HTTP");
            }
        }
    }

    /** events/ holds the sample events of `sam local invoke`: the HTTP ones must read as their route's requests. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "session.json, POST /v1/session",
        "ingest.json,  POST /v1/events",
    })
    void sampleEvent_ofEachHttpFunction_readsAsItsRoute(String file, String routeKey) throws Exception {
        byte[] json = Files.readAllBytes(TemplateText.path().resolveSibling("events").resolve(file));

        ApiRequest request = ApiRequest.parse(json);

        assertEquals(routeKey, request.routeKey());
        assertEquals(routeKey.substring(0, routeKey.indexOf(' ')), request.method());
        assertTrue(request.body() != null && request.body().length > 0, file + " has a body");
    }
}
