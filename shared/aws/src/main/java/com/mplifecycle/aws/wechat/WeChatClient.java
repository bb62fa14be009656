package com.mplifecycle.aws.wechat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.json.Json;

/**
 * WeChat's server API over HTTPS, one instance per container. WeChat answers most errors with
 * HTTP 200 and an {@code errcode} in the body, so results are read from the body; transport
 * failures and non-JSON answers become {@link WeChatUnavailableException}. Secrets, codes and
 * openids never appear in exception messages.
 */
public final class WeChatClient {
    private final URI baseUrl;
    private final Duration timeout;
    private final HttpClient http;

    public WeChatClient(URI baseUrl, Duration timeout) {
        this.baseUrl = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** {@code GET /sns/jscode2session}: exchanges a {@code wx.login} code for the openid. */
    public Code2SessionResult code2Session(String wechatAppId, String appSecret, String jsCode) {
        URI uri = baseUrl.resolve("sns/jscode2session?appid=" + enc(wechatAppId) + "&secret=" + enc(appSecret)
                + "&js_code=" + enc(jsCode) + "&grant_type=authorization_code");
        JsonNode body = call(HttpRequest.newBuilder(uri).GET(), "jscode2session");
        int errcode = body.path("errcode").asInt(0);
        if (errcode != 0 || !body.path("openid").isTextual()) {
            return new Code2SessionResult.Failure(errcode == 0 ? -1 : errcode, body.path("errmsg").asText(""));
        }
        JsonNode unionid = body.get("unionid");
        return new Code2SessionResult.Success(body.get("openid").asText(),
                unionid == null || unionid.isNull() ? null : unionid.asText());
    }

    private JsonNode call(HttpRequest.Builder request, String api) {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new WeChatUnavailableException(api + " failed: " + e.getClass().getSimpleName(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WeChatUnavailableException(api + " interrupted", null);
        }
        if (response.statusCode() != 200) {
            throw new WeChatUnavailableException(api + " answered HTTP " + response.statusCode(), null);
        }
        try {
            JsonNode node = Json.MAPPER.readTree(response.body());
            if (node == null || !node.isObject()) {
                throw new WeChatUnavailableException(api + " answered something other than a JSON object", null);
            }
            return node;
        } catch (IOException e) {
            throw new WeChatUnavailableException(api + " answered invalid JSON", null);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
