package com.mplifecycle.devtools.wechat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Takes each request to its API, lets an injected fault answer instead when one applies, and records
 * the call. Runs on the server's threads; the state it touches guards itself.
 */
final class StandInRouter implements HttpHandler {
    private final Supplier<Instant> clock;
    private final ActiveFaults faults;
    private final CallLog log;
    private final Code2SessionApi code2Session;
    private final StableTokenApi stableToken;
    private final SubscribeSendApi subscribeSend;

    StandInRouter(Supplier<Instant> clock, ActiveFaults faults, CallLog log, Code2SessionApi code2Session,
            StableTokenApi stableToken, SubscribeSendApi subscribeSend) {
        this.clock = clock;
        this.faults = faults;
        this.log = log;
        this.code2Session = code2Session;
        this.stableToken = stableToken;
        this.subscribeSend = subscribeSend;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String api = apiOf(path);
            Map<String, String> params = queryParams(exchange.getRequestURI().getRawQuery());
            String rawBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode body = jsonOrNull(rawBody);
            Instant receivedAt = clock.get();

            WireAnswer answer = answer(api, exchange.getRequestMethod(), params, body);

            log.record(new RecordedCall(api, receivedAt, redacted(params, body, rawBody), answer.httpStatus(),
                    answer.errcode()));
            if (api.equals(WeChatStandIn.SUBSCRIBE_SEND)) {
                log.record(new ReceivedMessage(receivedAt, SendRequest.from(body).message(), answer.httpStatus(),
                        answer.errcode(), answer.errmsg(), msgidOf(answer)));
            }
            write(exchange, answer);
        } catch (RuntimeException e) {
            // a bug here must still answer, or the client waits for its timeout
            write(exchange, WireAnswer.httpFailure(500));
        } finally {
            exchange.close();
        }
    }

    private WireAnswer answer(String api, String method, Map<String, String> params, JsonNode body) {
        Optional<WireAnswer> faultAnswer = faults.take(api).flatMap(StandInRouter::play);
        if (faultAnswer.isPresent()) {
            return faultAnswer.get();
        }
        if (api.equals(WeChatStandIn.CODE2SESSION)) {
            return code2Session.answer(params);
        }
        if (api.equals(WeChatStandIn.STABLE_TOKEN)) {
            return stableToken.answer(method, body);
        }
        if (api.equals(WeChatStandIn.SUBSCRIBE_SEND)) {
            return subscribeSend.answer(params.get("access_token"), SendRequest.from(body));
        }
        return WireAnswer.notFound();
    }

    /** The fault's own answer, or empty when the call should then be answered as usual (after a delay). */
    private static Optional<WireAnswer> play(Fault fault) {
        if (fault instanceof Fault.Delay) {
            return sleep((Fault.Delay) fault) ? Optional.empty() : Optional.of(WireAnswer.httpFailure(503));
        }
        if (fault instanceof Fault.ErrorCode) {
            Fault.ErrorCode error = (Fault.ErrorCode) fault;
            return Optional.of(error.errmsg() == null ? WireAnswer.error(error.errcode())
                    : WireAnswer.error(error.errcode(), error.errmsg()));
        }
        if (fault instanceof Fault.HttpStatus) {
            return Optional.of(WireAnswer.httpFailure(((Fault.HttpStatus) fault).status()));
        }
        throw new IllegalStateException("unknown fault kind " + fault);
    }

    private static String apiOf(String path) {
        if (path.equals("/sns/jscode2session")) {
            return WeChatStandIn.CODE2SESSION;
        }
        if (path.equals("/cgi-bin/stable_token")) {
            return WeChatStandIn.STABLE_TOKEN;
        }
        if (path.equals("/cgi-bin/message/subscribe/send")) {
            return WeChatStandIn.SUBSCRIBE_SEND;
        }
        return path;
    }

    /** False when interrupted, which happens when the stand-in closes mid-delay. */
    private static boolean sleep(Fault.Delay delay) {
        try {
            Thread.sleep(delay.delay().toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Map<String, String> queryParams(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    private static JsonNode jsonOrNull(String rawBody) {
        if (rawBody.isBlank()) {
            return null;
        }
        try {
            return WireAnswer.JSON.readTree(rawBody);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static Map<String, Object> redacted(Map<String, String> params, JsonNode body, String rawBody) {
        Map<String, Object> request = new LinkedHashMap<>(params);
        if (body != null && body.isObject()) {
            request.putAll(WireAnswer.JSON.convertValue(body, new TypeReference<Map<String, Object>>() { }));
        } else if (!rawBody.isEmpty()) {
            // never stored as is: a malformed body may still carry the secret
            request.put("_raw", rawBody.length() + " characters, not a JSON object");
        }
        request.computeIfPresent("secret", (name, secret) -> "***");
        return request;
    }

    private static long msgidOf(WireAnswer answer) {
        JsonNode body = jsonOrNull(answer.body());
        return body == null ? 0 : body.path("msgid").asLong(0);
    }

    private static void write(HttpExchange exchange, WireAnswer answer) {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.httpStatus(), bytes.length);
            out.write(bytes);
        } catch (IOException e) {
            // the caller hung up, typically after its read timeout during an injected delay
        }
    }
}
