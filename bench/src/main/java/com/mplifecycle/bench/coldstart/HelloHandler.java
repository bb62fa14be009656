package com.mplifecycle.bench.coldstart;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** The hello-world baseline of figure 6: takes the same event as a map, answers a fixed 200. */
public final class HelloHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return Map.of("statusCode", 200, "body", "hello " + event.size());
    }
}
