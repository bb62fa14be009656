package com.mplifecycle.devtools.wechat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One HTTP answer as WeChat gives it: errors are HTTP 200 with {@code errcode} and an {@code errmsg}
 * ending in a request id ({@code rid}); gateway failures are a bare HTTP status with an HTML page.
 *
 * @param httpStatus the HTTP status
 * @param contentType the content type
 * @param body the body
 * @param errcode the body's errcode, 0 on success or when the body is not JSON
 * @param errmsg the body's errmsg, empty when there is none
 */
record WireAnswer(int httpStatus, String contentType, String body, int errcode, String errmsg) {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json; encoding=utf-8";

    private static final Map<Integer, String> DEFAULT_ERRMSGS = Map.ofEntries(
            Map.entry(-1, "system error"),
            Map.entry(40002, "invalid grant_type"),
            Map.entry(41001, "access_token missing"),
            Map.entry(41002, "appid missing"),
            Map.entry(41004, "appsecret missing"),
            Map.entry(41008, "missing code"),
            Map.entry(41030, "invalid page"),
            Map.entry(40001, "invalid credential, access_token is invalid or not latest"),
            Map.entry(40003, "invalid openid"),
            Map.entry(40013, "invalid appid"),
            Map.entry(40014, "invalid access_token"),
            Map.entry(40029, "invalid code"),
            Map.entry(40037, "invalid template_id"),
            Map.entry(40125, "invalid appsecret"),
            Map.entry(40163, "code been used"),
            Map.entry(42001, "access_token expired"),
            Map.entry(43002, "require POST method"),
            Map.entry(43101, "user refuse to accept the msg"),
            Map.entry(43108, "Cannot make concurrent calls to the same OpenID, please try again"),
            Map.entry(45009, "reach max api daily quota limit"),
            Map.entry(45011, "api minute-quota reach limit  mustslower  retry next minute"),
            Map.entry(47001, "data format error"));

    /** A success body: the given fields as a JSON object. */
    static WireAnswer success(Map<String, Object> fields) {
        return new WireAnswer(200, JSON_TYPE, write(fields), 0, String.valueOf(fields.getOrDefault("errmsg", "")));
    }

    /** An error with WeChat's usual errmsg for the code. */
    static WireAnswer error(int errcode) {
        return error(errcode, DEFAULT_ERRMSGS.getOrDefault(errcode, "error " + errcode));
    }

    /** An error body; a fresh rid is appended to the errmsg, as WeChat does. */
    static WireAnswer error(int errcode, String errmsg) {
        String withRid = errmsg + " rid: " + rid();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("errcode", errcode);
        fields.put("errmsg", withRid);
        return new WireAnswer(200, JSON_TYPE, write(fields), errcode, withRid);
    }

    /** What a gateway in front of WeChat answers when it fails: a status and an HTML page. */
    static WireAnswer httpFailure(int status) {
        String page = "<html><head><title>" + status + "</title></head><body><center><h1>" + status
                + "</h1></center><hr><center>stgw</center></body></html>";
        return new WireAnswer(status, "text/html", page, 0, "");
    }

    static WireAnswer notFound() {
        return new WireAnswer(404, "text/plain", "not found", 0, "");
    }

    private static String rid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("%08x-%08x-%08x", random.nextInt(), random.nextInt(), random.nextInt());
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
