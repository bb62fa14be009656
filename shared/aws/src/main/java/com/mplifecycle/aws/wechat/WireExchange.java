package com.mplifecycle.aws.wechat;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.mplifecycle.aws.json.PlainJson;

/**
 * One HTTP round trip to WeChat that yields a JSON object or throws {@link WeChatUnavailableException}.
 * The errcode is left to the caller: WeChat reports errors inside HTTP 200 answers.
 */
final class WireExchange {
    private final HttpClient http;
    private final Duration readTimeout;

    WireExchange(HttpClient http, Duration readTimeout) {
        this.http = http;
        this.readTimeout = readTimeout;
    }

    /**
     * Sends the request and reads the answer as a JSON object.
     *
     * @param api the API name for exception messages
     * @param sensitive values (secret, token, code, openid) to strip from any text that goes into an exception
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> call(String api, HttpRequest.Builder request, List<String> sensitive) {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(readTimeout).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new WeChatUnavailableException(api, "timed out (" + e.getClass().getSimpleName() + ")");
        } catch (IOException e) {
            String detail = e.getMessage() == null ? "" : ": " + scrub(e.getMessage(), sensitive);
            throw new WeChatUnavailableException(api, e.getClass().getSimpleName() + detail,
                    e instanceof java.net.ConnectException);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WeChatUnavailableException(api, "interrupted");
        }
        if (response.statusCode() != 200) {
            throw new WeChatUnavailableException(api, "answered HTTP " + response.statusCode(), true);
        }
        Object body;
        try {
            body = PlainJson.read(response.body());
        } catch (IllegalArgumentException e) {
            throw new WeChatUnavailableException(api, "answered HTTP 200 with a body that is not JSON");
        }
        if (!(body instanceof Map<?, ?>)) {
            throw new WeChatUnavailableException(api, "answered HTTP 200 without a JSON object");
        }
        return (Map<String, Object>) body;
    }

    /** The errcode of an answer; WeChat leaves it out on success. */
    static int errcodeOf(Map<String, Object> body) {
        return PlainJson.asInt(body.get("errcode"), 0);
    }

    static String errmsgOf(Map<String, Object> body) {
        return PlainJson.asText(body.get("errmsg"), "");
    }

    /** Cause messages are the JDK's, but may quote a URL with the secret in its query: strip every sensitive value. */
    private static String scrub(String text, List<String> sensitive) {
        String scrubbed = text;
        for (String value : sensitive) {
            if (value != null && !value.isEmpty()) {
                scrubbed = scrubbed.replace(value, "***")
                        .replace(URLEncoder.encode(value, StandardCharsets.UTF_8), "***");
            }
        }
        return scrubbed;
    }
}
