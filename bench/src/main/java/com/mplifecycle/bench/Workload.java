package com.mplifecycle.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mplifecycle.aws.auth.SessionTokens;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.domain.profile.CustomerIds;

/**
 * Realistic {@code POST /v1/events} traffic: API Gateway HTTP API payload 2.0 events (built from
 * {@code events/ingest.json}) carrying a valid session token and 5-20 events of a mini-program
 * session: launch, page views and leaves, cart, checkout, sometimes an order, share, check-in.
 */
final class Workload {
    static final String APP = "demo";
    static final String SIGNING_KEY = "bench-signing-key-0123456789abcdef0123456789";

    record Customer(String openid, String customerId, String token) {
    }

    /** One request: the Lambda event JSON, its body, its customer and the number of events. */
    record Request(String eventJson, String body, Customer customer, int events) {
    }

    private final ObjectNode template;
    private final SessionTokens tokens;
    private final List<Customer> customers = new ArrayList<>();
    private final SplittableRandom random;
    private final Clock clock;
    private long sequence;

    Workload(int customerCount, long seed, Clock clock) {
        this.clock = clock;
        this.random = new SplittableRandom(seed);
        this.tokens = new SessionTokens(SIGNING_KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8), clock);
        try {
            this.template = (ObjectNode) Json.MAPPER.readTree(Files.readString(Path.of("events/ingest.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < customerCount; i++) {
            String openid = "oBench" + seed + "x" + i;
            String customerId = CustomerIds.of(APP, openid);
            customers.add(new Customer(openid, customerId, tokens.issue(APP, customerId, openid)));
        }
    }

    /** The secrets document the functions are given (LOCAL_SECRETS_JSON). */
    static String secretsJson() {
        return Json.write(Map.of("tokenSigningKey", SIGNING_KEY, "apps",
                Map.of(APP, Map.of("wechatAppId", "wxbench000000000", "appSecret", "bench-secret"))));
    }

    List<Customer> customers() {
        return customers;
    }

    List<Request> requests(int n) {
        List<Request> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(request(customers.get(random.nextInt(customers.size())), 5 + random.nextInt(16)));
        }
        return out;
    }

    Request request(Customer c, int eventCount) {
        Instant now = clock.instant();
        long ts = now.toEpochMilli() - 60_000 - random.nextInt(600_000);
        List<Map<String, Object>> events = new ArrayList<>(eventCount);
        String batch = Long.toString(++sequence, 36) + "-" + Long.toString(random.nextLong() & 0xffffffL, 36);
        for (int k = 0; k < eventCount; k++) {
            events.add(event(batch + "-" + k, k, ts + k * 3_000L));
        }
        String body = Json.write(Map.of("events", events));
        return new Request(apiEvent(body, c.token(), batch), body, c, eventCount);
    }

    String apiEvent(String body, String token, String requestId) {
        ObjectNode e = template.deepCopy();
        ((ObjectNode) e.get("headers")).put("authorization", "Bearer " + token);
        ((ObjectNode) e.get("requestContext")).put("requestId", "bench-" + requestId);
        ((ObjectNode) e.get("requestContext")).put("timeEpoch", clock.millis());
        e.put("body", body);
        return e.toString();
    }

    private Map<String, Object> event(String id, int k, long ts) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("eventId", id);
        String type;
        Map<String, Object> props = new LinkedHashMap<>();
        String page = "pages/item/item?id=" + random.nextInt(500);
        if (k == 0) {
            type = "app_launch";
            props.put("scene", 1001 + random.nextInt(50));
            props.put("path", "pages/index/index");
        } else {
            int r = random.nextInt(100);
            if (r < 40) {
                type = "page_view";
                props.put("path", page);
            } else if (r < 65) {
                type = "page_leave";
                props.put("path", page);
                props.put("dwellMs", 500 + random.nextInt(60_000));
            } else if (r < 78) {
                type = "add_to_cart";
                props.put("sku", "sku-" + random.nextInt(300));
                props.put("qty", 1 + random.nextInt(3));
                props.put("priceFen", 100 + random.nextInt(20_000));
            } else if (r < 84) {
                type = "checkout_start";
                props.put("orderId", "o-" + id);
            } else if (r < 89) {
                type = "order_paid";
                props.put("orderId", "o-" + id);
                props.put("amountFen", 500 + random.nextInt(30_000));
            } else if (r < 94) {
                type = "share";
                props.put("path", page);
            } else {
                type = "app_show";
                props.put("scene", 1001 + random.nextInt(50));
            }
        }
        e.put("type", type);
        e.put("ts", ts);
        e.put("props", props);
        return e;
    }
}
