package com.mplifecycle.local.robustness;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Generates hostile and broken requests of the kinds real clients and attackers send. Each
 * request says whether it carries valid events (mixed batches) that must be stored exactly once.
 */
final class HostileRequests {
    record Request(String kind, String method, String path, byte[] body, String bearer, List<String> validEventIds) {
    }

    private final Random random;
    private final String token;
    private final String otherAppsAdminKey;
    private final long now;
    private int serial;

    HostileRequests(long seed, String token, String otherAppsAdminKey, long nowMillis) {
        this.random = new Random(seed);
        this.token = token;
        this.otherAppsAdminKey = otherAppsAdminKey;
        this.now = nowMillis;
    }

    Request next() {
        int kind = random.nextInt(22);
        serial++;
        switch (kind) {
            case 0: return ingest("truncated JSON", truncate(validBatch(3).text()));
            case 1: return ingest("invalid JSON", "{\"events\":[{\"eventId\":\"x\",]}");
            case 2: return ingest("wrong types", "{\"events\":[{\"eventId\":7,\"type\":[],\"ts\":\"yesterday\",\"props\":3}]}");
            case 3: return ingest("huge numbers", "{\"events\":[{\"eventId\":\"h" + serial + "\",\"type\":\"order_paid\",\"ts\":"
                    + now + ",\"props\":{\"orderId\":\"o\",\"amountFen\":" + "9".repeat(40) + "}}]}");
            case 4: return ingest("deep nesting", "{\"events\":[" + "[".repeat(5000) + "]".repeat(5000) + "]}");
            case 5: return serial % 50 == 0 ? ingestBytes("10 MB body", big(10 * 1024 * 1024 + 10))
                    : ingestBytes("300 KB body", big(300 * 1024));
            case 6: return ingestBytes("invalid UTF-8", invalidUtf8());
            case 7: return ingest("control characters", "{\"events\":[{\"eventId\":\"c" + serial
                    + "\",\"type\":\"page_view\",\"ts\":" + now + ",\"props\":{\"path\":\"a\\u0000\\u0007b\"}}]}");
            case 8: return ingest("empty and duplicate eventIds", "{\"events\":[" + event("", "app_show", now, "{\"scene\":1}")
                    + "," + event("dup" + serial, "app_show", now, "{\"scene\":1}") + ","
                    + event("dup" + serial, "app_show", now, "{\"scene\":2}") + "]}", List.of("dup" + serial));
            case 9: return ingest("timestamps far off", "{\"events\":[" + event("p" + serial, "app_show", 1, "{\"scene\":1}")
                    + "," + event("f" + serial, "app_show", now + 400L * 86_400_000, "{\"scene\":1}") + "]}");
            case 10: return ingest("unknown types", "{\"events\":[" + event("u" + serial, "app_explode", now, "{}") + "]}");
            case 11: {
                Batch b = validBatch(1 + random.nextInt(4));
                return new Request("mixed valid and invalid", "POST", "/v1/events", b.text().getBytes(StandardCharsets.UTF_8),
                        token, b.validIds());
            }
            case 12: return withToken("missing token", null);
            case 13: return withToken("malformed token", "not.a.token.at.all");
            case 14: return withToken("bad signature", token.substring(0, token.lastIndexOf('.') + 1) + "AAAA");
            case 15: return withToken("alg none", Base64.getUrlEncoder().withoutPadding().encodeToString(
                    "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                    + token.split("\\.")[1] + ".");
            case 16: return new Request("session garbage", "POST", "/v1/session",
                    garbage().getBytes(StandardCharsets.UTF_8), null, List.of());
            case 17: return new Request("session unknown app or bad code", "POST", "/v1/session",
                    ("{\"appId\":\"" + (random.nextBoolean() ? "nope" : "demo") + "\",\"code\":\"invalid" + serial + "\"}")
                            .getBytes(StandardCharsets.UTF_8), null, List.of());
            case 18: return admin("admin without key", "/v1/apps/demo/customers/c_x", null);
            case 19: return admin("admin wrong key", "/v1/apps/demo/customers/c_x", "mk_wrong-key-" + serial);
            case 20: return admin("admin other app's key", "/v1/apps/demo/customers/c_x", otherAppsAdminKey);
            default: return admin("admin path traversal", "/v1/apps/demo/customers/" + traversal(), otherAppsAdminKey);
        }
    }

    private record Batch(String text, List<String> validIds) {
    }

    private Batch validBatch(int valid) {
        List<String> parts = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < valid; i++) {
            String id = "ok" + serial + "-" + i;
            ids.add(id);
            parts.add(event(id, "page_view", now, "{\"path\":\"pages/p" + i + "\"}"));
        }
        parts.add(event("bad" + serial, "order_paid", now, "{\"orderId\":1}"));
        parts.add(event("old" + serial, "app_show", now - 40L * 86_400_000, "{\"scene\":1}"));
        java.util.Collections.shuffle(parts, random);
        return new Batch("{\"events\":[" + String.join(",", parts) + "]}", ids);
    }

    private Request ingest(String kind, String body) {
        return ingest(kind, body, List.of());
    }

    private Request ingest(String kind, String body, List<String> validIds) {
        return new Request(kind, "POST", "/v1/events", body.getBytes(StandardCharsets.UTF_8), token, validIds);
    }

    private Request ingestBytes(String kind, byte[] body) {
        return new Request(kind, "POST", "/v1/events", body, token, List.of());
    }

    private Request withToken(String kind, String bearer) {
        return new Request(kind, "POST", "/v1/events", ("{\"events\":[" + event("t" + serial, "app_show", now,
                "{\"scene\":1}") + "]}").getBytes(StandardCharsets.UTF_8), bearer, List.of());
    }

    private Request admin(String kind, String path, String key) {
        return new Request(kind, "GET", path, null, key, List.of());
    }

    private static String event(String id, String type, long ts, String props) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"" + type + "\",\"ts\":" + ts + ",\"props\":" + props + "}";
    }

    private String truncate(String s) {
        return s.substring(0, 1 + random.nextInt(s.length() - 1));
    }

    private byte[] big(int size) {
        byte[] b = new byte[size];
        java.util.Arrays.fill(b, (byte) 'a');
        byte[] head = "{\"events\":[],\"pad\":\"".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, b, 0, head.length);
        b[size - 2] = '"';
        b[size - 1] = '}';
        return b;
    }

    private byte[] invalidUtf8() {
        byte[] head = ("{\"events\":[{\"eventId\":\"i" + serial + "\",\"type\":\"page_view\",\"ts\":" + now
                + ",\"props\":{\"path\":\"").getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE};
        byte[] tail = "\"}}]}".getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(bad, 0, out, head.length, bad.length);
        System.arraycopy(tail, 0, out, head.length + bad.length, tail.length);
        return out;
    }

    private String garbage() {
        String[] options = {"", "null", "[]", "{\"appId\":5,\"code\":[]}", "{\"appId\":\"../../etc\",\"code\":\"x\"}",
            "{\"appId\":\"demo\",\"code\":\"" + "x".repeat(5000) + "\"}", "{\"appId\":\"demo\"}", "\u0000\u0001"};
        return options[random.nextInt(options.length)];
    }

    private String traversal() {
        String[] options = {"..%2F..%2Fsettings", "%00", "c_" + "x".repeat(300), "..", "c%20x", "%2e%2e"};
        return options[random.nextInt(options.length)];
    }
}
