package com.mplifecycle.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.json.JsonObjectCall;

/** Figure 8's rule target: notes when each customer's CustomerStageChanged (to GROWING) arrived. */
public final class ReactionProbe implements RequestStreamHandler {
    static final Map<String, Long> DELIVERED_NANOS = new ConcurrentHashMap<>();

    public ReactionProbe(FunctionEnv env) {
        // nothing to wire
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonObjectCall.serve(input, output, ReactionProbe::receive);
    }

    @SuppressWarnings("unchecked")
    private static String receive(Map<String, Object> envelope) {
        long now = System.nanoTime();
        Map<String, Object> detail = (Map<String, Object>) envelope.get("detail");
        DELIVERED_NANOS.putIfAbsent(String.valueOf(detail.get("customerId")), now);
        return "ok";
    }
}
