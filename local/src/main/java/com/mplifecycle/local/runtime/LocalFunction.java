package com.mplifecycle.local.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
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
    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong invokeNanos = new AtomicLong();

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
            LambdaInvoker invoker;
            if (handler instanceof RequestStreamHandler streamHandler) {
                invoker = LambdaInvoker.of(streamHandler);
            } else {
                throw new IllegalStateException(definition.handlerClass() + " is not a RequestStreamHandler");
            }
            return new LocalFunction(definition, invoker, environment);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start " + definition.logicalId() + " ("
                    + definition.handlerClass() + "): " + e, e);
        }
    }

    String invoke(String eventJson) {
        long started = System.nanoTime();
        try {
            return invoker.invoke(eventJson, LocalContext.start(definition.logicalId(), LocalResourceNames.REGION,
                    definition.memoryMb(), Duration.ofSeconds(definition.timeoutSeconds())));
        } finally {
            invocations.incrementAndGet();
            invokeNanos.addAndGet(System.nanoTime() - started);
        }
    }

    /** Invocations so far and their summed duration in ms (concurrent invocations add up): where a run's time went. */
    Map<String, Long> usage() {
        return Map.of("invocations", invocations.get(), "invokeMs", invokeNanos.get() / 1_000_000);
    }

    FunctionDefinition definition() {
        return definition;
    }

    Map<String, String> environment() {
        return environment;
    }
}
