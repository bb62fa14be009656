package com.mplifecycle.bench.coldstart;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

/**
 * The second baseline of figure 6, for the stream handlers (session, ingest, admin): reads the same
 * event's bytes, answers a fixed 200; no serialization library involved.
 */
public final class HelloStreamHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        int size = input.readAllBytes().length;
        output.write(("{\"statusCode\":200,\"body\":\"hello " + size + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
