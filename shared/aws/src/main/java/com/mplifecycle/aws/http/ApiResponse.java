package com.mplifecycle.aws.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import com.mplifecycle.aws.json.Jsonbs;

import io.avaje.jsonb.Json;
import io.avaje.jsonb.JsonType;

/**
 * The answer of an HTTP API function (payload format 2.0): status, headers and a text body, written
 * as the JSON API Gateway turns into the HTTP response.
 *
 * @param body the body text; null for none (204)
 */
public record ApiResponse(int statusCode, Map<String, String> headers, String body) {
    private static final JsonType<Output> OUTPUT = Jsonbs.JSONB.type(Output.class);

    public ApiResponse {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** The invocation's output: {@code {"statusCode":…,"headers":{…},"body":"…","isBase64Encoded":false}}. */
    public void writeTo(OutputStream output) throws IOException {
        output.write(OUTPUT.toJsonBytes(new Output(statusCode, headers.isEmpty() ? null : headers, body, false)));
    }

    /** The payload 2.0 response; null members are left out. */
    @Json
    record Output(int statusCode, Map<String, String> headers, String body, boolean isBase64Encoded) {
    }
}
