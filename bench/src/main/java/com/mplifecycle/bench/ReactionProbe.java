package com.mplifecycle.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.mplifecycle.aws.config.FunctionEnv;

/** Figure 8's rule target: notes when each customer's CustomerStageChanged (to GROWING) arrived. */
public final class ReactionProbe implements RequestHandler<Map<String, Object>, String> {
    static final Map<String, Long> DELIVERED_NANOS = new ConcurrentHashMap<>();

    public ReactionProbe(FunctionEnv env) {
        // nothing to wire
    }

    @Override
    @SuppressWarnings("unchecked")
    public String handleRequest(Map<String, Object> envelope, Context context) {
        long now = System.nanoTime();
        Map<String, Object> detail = (Map<String, Object>) envelope.get("detail");
        DELIVERED_NANOS.putIfAbsent(String.valueOf(detail.get("customerId")), now);
        return "ok";
    }
}
