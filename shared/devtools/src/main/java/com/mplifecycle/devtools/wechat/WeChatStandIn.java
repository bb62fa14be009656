package com.mplifecycle.devtools.wechat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for WeChat's servers on 127.0.0.1, speaking their wire format: errors as HTTP 200
 * with {@code errcode}/{@code errmsg}, {@code sns/jscode2session}, {@code cgi-bin/stable_token} and
 * {@code cgi-bin/message/subscribe/send}. It records what it receives and can be told to fail.
 *
 * <p>Login codes: a code is single use (40163 the second time); codes starting with
 * {@code invalid} answer 40029. The openid is derived from the code's part before the first
 * {@code .}, so a simulated user who logs in again with {@code alice.2} keeps the openid of
 * {@code alice.1}.
 */
public final class WeChatStandIn implements AutoCloseable {
    static final Duration TOKEN_LIFETIME = Duration.ofSeconds(7200);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;
    private final HttpServer server;
    private final Map<String, String> apps = new ConcurrentHashMap<>();
    private final Set<String> usedCodes = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> credits = new ConcurrentHashMap<>();
    private final List<Map<String, Object>> received = new ArrayList<>();
    private final List<WeChatFault> faults = new ArrayList<>();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final AtomicLong msgIds = new AtomicLong(1_000_000);
    private volatile boolean enforceCredits = true;

    private WeChatStandIn(Clock clock, HttpServer server) {
        this.clock = clock;
        this.server = server;
    }

    public static WeChatStandIn start(Clock clock, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        WeChatStandIn standIn = new WeChatStandIn(clock, server);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        server.createContext("/", standIn::handle);
        server.start();
        return standIn;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Known mini-programs; with none registered every appid/secret pair is accepted. */
    public void registerApp(String wechatAppId, String appSecret) {
        apps.put(wechatAppId, appSecret);
    }

    /** What a user's "accept" in wx.requestSubscribeMessage grants on WeChat's side. */
    public void acceptSubscription(String openid, String templateId) {
        credits.merge(openid + "|" + templateId, 1, Integer::sum);
    }

    public void enforceCredits(boolean enforce) {
        enforceCredits = enforce;
    }

    public synchronized void injectFault(WeChatFault fault) {
        faults.add(fault);
    }

    public synchronized void clearFaults() {
        faults.clear();
    }

    /** {@code {"api":"subscribe_send","errcode":45009,"count":2}} and the like; see {@link WeChatFault}. */
    public void injectFault(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException("a fault is a JSON object");
            }
            injectFault(new WeChatFault(n.path("api").asText("any"), n.path("errcode").asInt(0),
                    n.path("httpStatus").asInt(0), n.path("delayMs").asLong(0), n.path("count").asInt(1)));
        } catch (IOException e) {
            throw new IllegalArgumentException("a fault is a JSON object");
        }
    }

    /** Calls received, newest last; {@code touser} filters subscribe sends by recipient (null = all). */
    public synchronized List<Map<String, Object>> received(String api, String touser) {
        return received.stream().filter(r -> api == null || api.equals(r.get("api")))
                .filter(r -> touser == null || touser.equals(r.get("touser"))).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            byte[] body = exchange.getRequestBody().readAllBytes();
            String api = path.endsWith("/sns/jscode2session") ? "jscode2session"
                    : path.endsWith("/cgi-bin/stable_token") ? "stable_token"
                    : path.endsWith("/cgi-bin/message/subscribe/send") ? "subscribe_send" : null;
            if (api == null) {
                send(exchange, 404, "not found");
                return;
            }
            WeChatFault fault = takeFault(api);
            if (fault != null && fault.delayMs() > 0) {
                sleep(fault.delayMs());
            }
            if (fault != null && fault.httpStatus() != 0) {
                record(api, null, Map.of("httpStatus", fault.httpStatus()));
                send(exchange, fault.httpStatus(), "<html>" + fault.httpStatus() + " Bad Gateway</html>");
                return;
            }
            Map<String, Object> answer = fault != null && fault.errcode() != 0 ? error(fault.errcode(), "injected")
                    : answer(api, exchange.getRequestMethod(), query, body);
            send(exchange, 200, JSON.writeValueAsString(answer));
        }
    }

    private Map<String, Object> answer(String api, String method, Map<String, String> query, byte[] body)
            throws IOException {
        switch (api) {
            case "jscode2session":
                return login(query);
            case "stable_token":
                return "POST".equals(method) ? stableToken(JSON.readTree(body)) : error(43002, "require POST method");
            default:
                return send(query.get("access_token"), JSON.readTree(body));
        }
    }

    private Map<String, Object> login(Map<String, String> q) {
        String appid = q.getOrDefault("appid", "");
        String code = q.getOrDefault("js_code", "");
        Map<String, Object> answer;
        if (!"authorization_code".equals(q.get("grant_type"))) {
            answer = error(40002, "invalid grant_type");
        } else if (!apps.isEmpty() && !apps.containsKey(appid)) {
            answer = error(40013, "invalid appid");
        } else if (!apps.isEmpty() && !apps.get(appid).equals(q.get("secret"))) {
            answer = error(40125, "invalid appsecret");
        } else if (code.isEmpty() || code.startsWith("invalid")) {
            answer = error(40029, "invalid code");
        } else if (!usedCodes.add(appid + "|" + code)) {
            answer = error(40163, "code been used");
        } else {
            answer = new LinkedHashMap<>();
            answer.put("openid", openid(appid, code));
            answer.put("session_key", Base64.getEncoder().encodeToString(digest("sk|" + code)).substring(0, 24));
        }
        record("jscode2session", null, Map.of("errcode", answer.getOrDefault("errcode", 0)));
        return answer;
    }

    private synchronized Map<String, Object> stableToken(JsonNode body) {
        String appid = body.path("appid").asText("");
        if (!"client_credential".equals(body.path("grant_type").asText())) {
            return error(40002, "invalid grant_type");
        }
        if (!apps.isEmpty() && !body.path("secret").asText("").equals(apps.get(appid))) {
            return error(40125, "invalid appsecret");
        }
        Instant now = clock.instant();
        String current = tokens.entrySet().stream().filter(e -> e.getKey().startsWith(appid + "|"))
                .filter(e -> e.getValue().minus(Duration.ofMinutes(5)).isAfter(now))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        if (current == null || body.path("force_refresh").asBoolean(false)) {
            current = appid + "|" + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(digest(appid + now + msgIds.incrementAndGet()));
            tokens.put(current, now.plus(TOKEN_LIFETIME));
        }
        record("stable_token", null, Map.of("errcode", 0));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", current.substring(current.indexOf('|') + 1));
        answer.put("expires_in", Duration.between(now, tokens.get(current)).toSeconds());
        return answer;
    }

    private synchronized Map<String, Object> send(String token, JsonNode body) {
        String touser = body.path("touser").asText(null);
        String template = body.path("template_id").asText("");
        Map<String, Object> outcome;
        Instant expiry = tokens.entrySet().stream().filter(e -> e.getKey().endsWith("|" + token))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (token == null || expiry == null) {
            outcome = error(40001, "invalid credential, access_token is invalid or not latest");
        } else if (!expiry.isAfter(clock.instant())) {
            outcome = error(42001, "access_token expired");
        } else if (touser == null || touser.isEmpty()) {
            outcome = error(40003, "invalid openid");
        } else if (template.isEmpty()) {
            outcome = error(40037, "invalid template_id");
        } else if (invalidData(body.path("data")) != null) {
            outcome = error(47003, "argument invalid! data." + invalidData(body.path("data")) + ".value invalid");
        } else if (enforceCredits && credits.getOrDefault(touser + "|" + template, 0) < 1) {
            outcome = error(43101, "user refuse to accept the msg");
        } else {
            credits.computeIfPresent(touser + "|" + template, (k, v) -> v - 1);
            outcome = new LinkedHashMap<>(error(0, "ok"));
            outcome.put("msgid", msgIds.incrementAndGet());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("template_id", template);
        details.put("page", body.path("page").asText(null));
        details.put("data", JSON.convertValue(body.path("data"), Map.class));
        details.putAll(outcome);
        record("subscribe_send", touser, details);
        return outcome;
    }

    /** The first keyword whose value breaks WeChat's limits for its type (thing ≤ 20 characters, ...). */
    private static String invalidData(JsonNode data) {
        if (!data.isObject() || data.isEmpty()) {
            return "";
        }
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) data::fields) {
            String type = e.getKey().replaceAll("\\d+$", "");
            String value = e.getValue().path("value").asText("");
            int length = value.codePointCount(0, value.length());
            boolean ok = switch (type) {
                case "thing" -> length >= 1 && length <= 20;
                case "phrase" -> length >= 1 && length <= 5;
                case "number", "letter", "character_string" -> length >= 1 && length <= 32;
                case "name" -> length >= 1 && length <= 20;
                case "amount" -> value.matches("[¥$€£]?\\d{1,10}(\\.\\d{1,2})?元?");
                case "time", "date" -> length >= 1 && length <= 40;
                case "phone_number" -> value.matches("[0-9+\\-() ]{1,17}");
                default -> false;
            };
            if (!ok) {
                return e.getKey();
            }
        }
        return null;
    }

    private synchronized WeChatFault takeFault(String api) {
        for (int i = 0; i < faults.size(); i++) {
            WeChatFault f = faults.get(i);
            if (f.appliesTo(api)) {
                if (f.count() <= 1) {
                    faults.remove(i);
                } else {
                    faults.set(i, new WeChatFault(f.api(), f.errcode(), f.httpStatus(), f.delayMs(), f.count() - 1));
                }
                return f;
            }
        }
        return null;
    }

    private synchronized void record(String api, String touser, Map<String, Object> details) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("api", api);
        r.put("at", clock.instant().toString());
        if (touser != null) {
            r.put("touser", touser);
        }
        r.putAll(details);
        received.add(r);
    }

    static String openid(String appid, String code) {
        String user = code.contains(".") ? code.substring(0, code.indexOf('.')) : code;
        return "o" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest(appid + "|" + user)).substring(0, 27);
    }

    private static byte[] digest(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> error(int errcode, String errmsg) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("errcode", errcode);
        m.put("errmsg", errcode == 0 ? errmsg : errmsg + " rid: standin-" + Long.toHexString(System.nanoTime()));
        return m;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int i = pair.indexOf('=');
                if (i > 0) {
                    out.put(URLDecoder.decode(pair.substring(0, i), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(i + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", status == 200 ? "application/json" : "text/html");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
