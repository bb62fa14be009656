package com.mplifecycle.devtools.invoke;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

/**
 * Calls a stream handler (every function of the project is one) with the event's JSON bytes and
 * returns what it wrote, as Lambda's Java runtime does.
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

    public static LambdaInvoker of(RequestStreamHandler handler) {
        return new LambdaInvoker((input, output, context) ->
                handler.handleRequest(new ByteArrayInputStream(input), output, context));
    }

    /**
     * Runs the handler once.
     *
     * @return the response JSON ("null" for a null or void result)
     * @throws FunctionError when the handler throws
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
