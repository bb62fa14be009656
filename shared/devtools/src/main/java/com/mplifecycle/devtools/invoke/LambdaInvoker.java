package com.mplifecycle.devtools.invoke;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;

/**
 * Calls a Java handler with JSON in and JSON out, converting both ways as Lambda's Java runtime does.
 *
 * <p>Thread-safe when the handler is. Anything the handler throws comes back as a {@link FunctionError}.
 */
public final class LambdaInvoker {
    /** One call of the handler on raw bytes, as the runtime sees every handler. */
    private interface StreamCall {
        void call(byte[] input, ByteArrayOutputStream output, Context context) throws Exception;
    }

    private final StreamCall call;

    private LambdaInvoker(StreamCall call) {
        this.call = call;
    }

    /** Input and output types come from the handler class's {@code RequestHandler<I, O>}. */
    public static LambdaInvoker of(RequestHandler<?, ?> handler) {
        HandlerTypes types = HandlerTypes.of(handler.getClass());
        return of(handler, types.input(), types.output());
    }

    /** For handlers whose class does not name its input type, such as lambdas. */
    public static LambdaInvoker of(RequestHandler<?, ?> handler, Type inputType) {
        return of(handler, inputType, HandlerTypes.of(handler.getClass()).output());
    }

    public static LambdaInvoker of(RequestStreamHandler handler) {
        return new LambdaInvoker((input, output, context) ->
                handler.handleRequest(new ByteArrayInputStream(input), output, context));
    }

    @SuppressWarnings("unchecked")
    private static LambdaInvoker of(RequestHandler<?, ?> handler, Type inputType, Type outputType) {
        RequestHandler<Object, Object> untyped = (RequestHandler<Object, Object>) handler;
        ClassLoader loader = handler.getClass().getClassLoader();
        PojoSerializer<Object> inputSerializer = LambdaJson.serializerFor(inputType, loader);
        // The declared output type decides, unless it says nothing (Object): then the value's class does.
        PojoSerializer<Object> declaredOutput = outputType == Object.class
                ? null : LambdaJson.serializerFor(outputType, loader);
        return new LambdaInvoker((input, output, context) -> {
            Object event = inputSerializer.fromJson(new ByteArrayInputStream(input));
            Object result = untyped.handleRequest(event, context);
            if (result == null) {
                output.write("null".getBytes(StandardCharsets.UTF_8));
                return;
            }
            PojoSerializer<Object> outputSerializer = declaredOutput != null
                    ? declaredOutput : LambdaJson.serializerFor(result.getClass(), loader);
            outputSerializer.toJson(result, output);
        });
    }

    /**
     * Runs the handler once.
     *
     * @return the response JSON ("null" for a null or void result)
     * @throws FunctionError when the handler, or turning the event into its input type, throws
     */
    public String invoke(String eventJson, LocalContext context) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            call.call(eventJson.getBytes(StandardCharsets.UTF_8), output, context);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            throw new FunctionError(e);
        }
        return output.toString(StandardCharsets.UTF_8);
    }
}
