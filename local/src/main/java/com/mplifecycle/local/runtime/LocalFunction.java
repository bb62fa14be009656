package com.mplifecycle.local.runtime;

import java.time.Duration;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.devtools.invoke.LambdaInvoker;
import com.mplifecycle.devtools.invoke.LocalContext;
import com.mplifecycle.devtools.template.FunctionDefinition;
import com.mplifecycle.devtools.template.LocalResourceNames;

/**
 * One function of the template, instantiated in this JVM through its {@code (FunctionEnv)}
 * wiring constructor and invoked with JSON, as the Java runtime invokes it.
 */
final class LocalFunction {
    private final FunctionDefinition definition;
    private final LambdaInvoker invoker;
    private final Map<String, String> environment;

    private LocalFunction(FunctionDefinition definition, LambdaInvoker invoker, Map<String, String> environment) {
        this.definition = definition;
        this.invoker = invoker;
        this.environment = Map.copyOf(environment);
    }

    static LocalFunction create(FunctionDefinition definition, Map<String, String> environment,
                                java.time.Clock clock) {
        try {
            Class<?> type = Class.forName(definition.handlerClass());
            Object handler = type.getConstructor(FunctionEnv.class).newInstance(new FunctionEnv(environment, clock));
            if (!(handler instanceof RequestHandler<?, ?> requestHandler)) {
                throw new IllegalStateException(definition.handlerClass() + " is not a RequestHandler");
            }
            return new LocalFunction(definition, LambdaInvoker.of(requestHandler), environment);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start " + definition.logicalId() + " ("
                    + definition.handlerClass() + "): " + e, e);
        }
    }

    String invoke(String eventJson) {
        return invoker.invoke(eventJson, LocalContext.start(definition.logicalId(), LocalResourceNames.REGION,
                definition.memoryMb(), Duration.ofSeconds(definition.timeoutSeconds())));
    }

    FunctionDefinition definition() {
        return definition;
    }

    Map<String, String> environment() {
        return environment;
    }
}
