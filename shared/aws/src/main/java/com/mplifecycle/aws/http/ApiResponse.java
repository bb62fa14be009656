package com.mplifecycle.aws.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.mplifecycle.aws.json.PlainJson;

/**
 * The answer of an HTTP API function (payload format 2.0): status, headers and a text body, written
 * as the JSON API Gateway turns into the HTTP response.
 *
 * @param body the body text; null for none (204)
 */
public record ApiResponse(int statusCode, Map<String, String> headers, String body) {
    public ApiResponse {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** The invocation's output: {@code {"statusCode":…,"headers":{…},"body":"…","isBase64Encoded":false}}. */
    public void writeTo(OutputStream output) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("statusCode", statusCode);
        if (!headers.isEmpty()) {
            out.put("headers", headers);
        }
        if (body != null) {
            out.put("body", body);
        }
        out.put("isBase64Encoded", false);
        output.write(PlainJson.write(out).getBytes(StandardCharsets.UTF_8));
    }
}
