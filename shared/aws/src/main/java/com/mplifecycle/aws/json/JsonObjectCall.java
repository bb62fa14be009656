package com.mplifecycle.aws.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

/**
 * The whole {@code handleRequest} of a stream handler whose event is a JSON object (EventBridge,
 * EventBridge Scheduler, a function's own asynchronous invocations): the event read as plain values
 * with {@link PlainJson}, the handler's answer written back as JSON. Lambda's serialization library,
 * which a {@code RequestHandler<Map, Map>} makes the runtime load, costs a cold start about 150 ms
 * of CPU to build the same map.
 */
public final class JsonObjectCall {
    private JsonObjectCall() {
    }

    /** @throws IllegalArgumentException when the event is not a JSON object (Lambda reports it as the function's error) */
    public static void serve(InputStream input, OutputStream output, Function<Map<String, Object>, Object> handler)
            throws IOException {
        Map<String, Object> event;
        try {
            event = PlainJson.readObject(input.readAllBytes());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("event is " + e.getMessage(), e);
        }
        Object answer = handler.apply(event);
        output.write(PlainJson.writeWithNulls(answer).getBytes(StandardCharsets.UTF_8));
    }
}
