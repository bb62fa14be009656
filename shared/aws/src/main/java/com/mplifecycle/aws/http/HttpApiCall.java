package com.mplifecycle.aws.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Function;

/**
 * The whole {@code handleRequest} of a function behind an HTTP API route: the event read as an
 * {@link ApiRequest}, the handler's answer written back. An input that is not an HTTP API event
 * (only a wrongly wired trigger sends one) is answered 400 with the reason, not thrown.
 */
public final class HttpApiCall {
    private HttpApiCall() {
    }

    public static void serve(InputStream input, OutputStream output, Function<ApiRequest, ApiResponse> handler)
            throws IOException {
        ApiRequest request;
        try {
            request = ApiRequest.read(input);
        } catch (BadRequestException e) {
            ApiResponses.error(e.status(), e.getMessage(), null).writeTo(output);
            return;
        }
        handler.apply(request).writeTo(output);
    }
}
