package com.mplifecycle.aws.wechat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.mplifecycle.aws.json.PlainJson;
import com.mplifecycle.domain.wechat.SubscribeMessage;

/**
 * WeChat's mini-program server API: login code exchange, stable access token, subscribe-message send.
 *
 * <p>Build one per container and share it; it is thread-safe. Answers WeChat gives (including errors,
 * which come as HTTP 200 with an errcode) are results; no usable answer is a
 * {@link WeChatUnavailableException}. Nothing here retries or caches tokens: the caller decides, since
 * token refresh must go through one shared store (see the notes on {@code stable_token}).
 * Secrets, tokens, login codes and openids never go into exception messages.
 */
public final class WeChatClient {
    /** WeChat's production endpoint. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.weixin.qq.com");
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);

    private final String baseUrl;
    private final WireExchange wire;

    /** Production endpoint, 3 s to connect, 5 s to answer. */
    public WeChatClient() {
        this(DEFAULT_BASE_URL, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    /**
     * @param baseUrl scheme, host and port, e.g. a stand-in's; a trailing slash is ignored
     * @param connectTimeout limit for opening a connection
     * @param readTimeout limit for the answer once the request is sent
     */
    public WeChatClient(URI baseUrl, Duration connectTimeout, Duration readTimeout) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl").toString().replaceAll("/+$", "");
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Objects.requireNonNull(connectTimeout, "connectTimeout"))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.wire = new WireExchange(http, Objects.requireNonNull(readTimeout, "readTimeout"));
    }

    /** Exchanges a {@code wx.login} code for the user's ids ({@code GET /sns/jscode2session}). */
    public Code2SessionResult code2Session(String wechatAppId, String appSecret, String jsCode) {
        String query = "appid=" + encode(wechatAppId) + "&secret=" + encode(appSecret) + "&js_code="
                + encode(jsCode) + "&grant_type=authorization_code";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/sns/jscode2session?" + query)).GET();
        Map<String, Object> body = wire.call("jscode2session", request, List.of(appSecret, jsCode));
        int errcode = WireExchange.errcodeOf(body);
        if (errcode != 0) {
            return new Code2SessionResult.Failure(errcode, WireExchange.errmsgOf(body));
        }
        String openid = PlainJson.asText(body.get("openid"), "");
        if (openid.isEmpty()) {
            throw new WeChatUnavailableException("jscode2session", "answered success without an openid");
        }
        return new Code2SessionResult.Success(openid, body.get("unionid") instanceof String unionid ? unionid : null);
    }

    /**
     * Gets the app's stable access token ({@code POST /cgi-bin/stable_token}).
     *
     * @param forceRefresh revokes the current token at once; WeChat allows 20 a day, so only for a leaked token
     */
    public AccessTokenResult stableToken(String wechatAppId, String appSecret, boolean forceRefresh) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("grant_type", "client_credential");
        fields.put("appid", wechatAppId);
        fields.put("secret", appSecret);
        fields.put("force_refresh", forceRefresh);
        Map<String, Object> body = wire.call("stable_token", post("/cgi-bin/stable_token", fields), List.of(appSecret));
        int errcode = WireExchange.errcodeOf(body);
        if (errcode != 0) {
            return new AccessTokenResult.Failure(errcode, WireExchange.errmsgOf(body));
        }
        String token = PlainJson.asText(body.get("access_token"), "");
        if (token.isEmpty()) {
            throw new WeChatUnavailableException("stable_token", "answered success without an access_token");
        }
        return new AccessTokenResult.Success(token, PlainJson.asLong(body.get("expires_in"), 0));
    }

    /** Sends one subscribe message ({@code POST /cgi-bin/message/subscribe/send}); the message is sent as given. */
    public SendResult sendSubscribeMessage(String accessToken, SubscribeMessage message) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("touser", message.touser());
        fields.put("template_id", message.templateId());
        message.optionalPage().ifPresent(page -> fields.put("page", page));
        Map<String, Object> data = new LinkedHashMap<>();
        message.data().forEach((keyword, value) -> data.put(keyword, Map.of("value", value == null ? "" : value)));
        fields.put("data", data);
        message.optionalMiniprogramState().ifPresent(state -> fields.put("miniprogram_state", state));
        message.optionalLang().ifPresent(lang -> fields.put("lang", lang));
        HttpRequest.Builder request = post("/cgi-bin/message/subscribe/send?access_token=" + encode(accessToken), fields);
        Map<String, Object> body = wire.call("subscribe_send", request, List.of(accessToken, message.touser()));
        int errcode = WireExchange.errcodeOf(body);
        if (errcode != 0) {
            return new SendResult.Failure(errcode, WireExchange.errmsgOf(body));
        }
        // msgid exceeds 2^53: read it as a long, whether WeChat sends a number or a string
        Object msgid = body.get("msgid");
        return new SendResult.Sent(msgid instanceof String text ? Long.parseLong(text) : PlainJson.asLong(msgid, 0));
    }

    private HttpRequest.Builder post(String pathAndQuery, Map<String, Object> fields) {
        String body = PlainJson.writeWithNulls(fields);
        return HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(Objects.requireNonNull(value), StandardCharsets.UTF_8);
    }
}
