package com.mplifecycle.local.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.json.JsonObjectCall;

/**
 * A test function the runtime wires to an EventBridge rule of a test copy of the template: it
 * records the envelopes it receives, and fails on purpose for customers whose id says so.
 */
public final class StageChangeProbe implements RequestStreamHandler {
    static final BlockingQueue<Map<String, Object>> RECEIVED = new LinkedBlockingQueue<>();

    public StageChangeProbe(FunctionEnv env) {
        // nothing to wire: the probe only records
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonObjectCall.serve(input, output, StageChangeProbe::receive);
    }

    @SuppressWarnings("unchecked")
    private static String receive(Map<String, Object> envelope) {
        Map<String, Object> detail = (Map<String, Object>) envelope.get("detail");
        if (String.valueOf(detail.get("customerId")).contains("fail")) {
            throw new IllegalStateException("probe told to fail");
        }
        RECEIVED.add(envelope);
        return "ok";
    }
}
