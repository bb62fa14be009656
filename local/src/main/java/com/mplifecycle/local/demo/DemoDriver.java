package com.mplifecycle.local.demo;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.json.Json;

/**
 * Drives simulated customers through the running system over its real HTTP API, one simulated
 * day at a time: log in (wx.login code → /v1/session), send the day's events, subscribe to
 * templates as a mini-program would ask, then set the clock to the next morning through
 * {@code /_local/clock} (the daily RFM run and the dispatch sweep fire on the jump).
 */
public final class DemoDriver {
    /** The templates of the default campaign set a simulated mini-program asks its users about. */
    static final List<String> FIRST_VISIT_TEMPLATES = List.of("TPL_GIFT", "TPL_CART", "TPL_COUPON");
    static final List<String> LATER_TEMPLATES = List.of("TPL_MISS", "TPL_REVIEW", "TPL_COUPON");
    /** When the simulated customers' visits of each day end, in the app's time zone. */
    static final LocalTime VISIT_TIME = LocalTime.of(10, 0);
    /** A visit's events span 5 seconds (launch to paid order). */
    static final Duration VISIT_LENGTH = Duration.ofSeconds(6);
    /** Share of visits with a share to a friend; of newcomers who arrive through an earlier share; of visits with feedback. */
    static final double SHARE_RATE = 0.08;
    static final double REFERRED_RATE = 0.3;
    /** Share of later visits that open a share (a customer already known: an open, no acquisition). */
    static final double KNOWN_OPEN_RATE = 0.03;
    static final double FEEDBACK_RATE = 0.02;
    static final List<String> FEEDBACK_CATEGORIES = List.of("bug", "suggestion", "complaint");
    static final Map<String, String> FEEDBACK_TEXTS = Map.of("bug", "支付页面打不开", "suggestion", "希望增加夜间模式",
            "complaint", "配送太慢了，等了三天");

    private final URI api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ZoneId zone;
    private final PrintStream out;
    final AtomicLong requests = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    private long visitNanos;
    private long drainNanos;
    private long nightNanos;
    /** Share ids made so far, and those of the days before the current one (what a newcomer can open). */
    private final List<String> shares = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile List<String> sharesBeforeToday = List.of();
    private java.time.LocalDate firstDay;
    private java.time.LocalDate lastDay;

    /** The app's admin key: the merchant's server reports paid orders with it. */
    private final String adminKey;
    final AtomicLong redemptions = new AtomicLong();
    final AtomicLong redemptionsRefused = new AtomicLong();

    public DemoDriver(URI api, ZoneId zone, PrintStream out, String adminKey) {
        this.api = api;
        this.zone = zone;
        this.out = out;
        this.adminKey = adminKey;
    }

    /** {@code social}: the customer's own dice for sharing and feedback, apart from the visit pattern's. */
    private record Customer(String name, CustomerKind kind, int start, Random random, boolean[] bought, Random social) {
    }

    /** Runs the demo without an operator; returns the number of failed requests (0 when everything worked). */
    public long run(String appId, int customers, int days, long seed) throws Exception {
        return run(appId, null, customers, days, seed);
    }

    /**
     * Runs the demo; with an admin key an operator works the feedback inbox each evening. Returns
     * the number of failed requests (0 when everything worked).
     */
    public long run(String appId, String adminKey, int customers, int days, long seed) throws Exception {
        Random random = new Random(seed);
        Instant firstMorning = startAtVisitTime();
        firstDay = java.time.LocalDate.ofInstant(firstMorning, zone);
        lastDay = firstDay.plusDays(Math.max(0, days - 1));
        List<Customer> people = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            people.add(new Customer("cust" + i, CustomerKind.pick(random), random.nextInt(Math.max(1, days / 2)),
                    new Random(seed * 31 + i), new boolean[1],
                    new Random((seed * 131 + i) * 0x9E3779B97F4A7C15L)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        // a reward the members buy with their points (stock shared by all: the redemptions race for it)
        call("PUT", "/v1/apps/" + appId + "/rewards/coupon-10", Json.write(Map.of("name", "¥10 coupon",
                "costPoints", 150, "stock", Math.max(1, customers / 20))), adminKey);
        try {
            for (int day = 0; day < days; day++) {
                int today = day;
                // the day's events end at the visit time, so triggers "N days later" are due at the same sweep
                Instant now = firstMorning.plus(Duration.ofDays(day)).minus(VISIT_LENGTH);
                sharesBeforeToday = shares.stream().sorted().toList(); // sorted: the same picks whatever the threads' order
                List<Future<?>> work = new ArrayList<>();
                for (Customer c : people) {
                    if (c.kind().activeOn(today, c.start(), c.random())) {
                        work.add(pool.submit(() -> visit(appId, c, today, now)));
                    }
                }
                long t0 = System.nanoTime();
                for (Future<?> f : work) {
                    f.get();
                }
                long t1 = System.nanoTime();
                call("POST", "/_local/drain", null);
                long t2 = System.nanoTime();
                // to the next morning exactly, however long this day took on this machine: what a daily
                // schedule sees (decays, due triggers) must not depend on the machine's speed
                call("POST", "/_local/clock", Json.write(Map.of("set",
                        firstMorning.plus(Duration.ofDays(day + 1)).toString())));
                call("POST", "/_local/drain", null);
                if (adminKey != null) {
                    workInbox(appId, adminKey); // the next morning: what came in yesterday
                }
                long t3 = System.nanoTime();
                visitNanos += t1 - t0;
                drainNanos += t2 - t1;
                nightNanos += t3 - t2;
                progress(day + 1, days);
            }
            call("POST", "/_local/drain", null);
        } finally {
            pool.shutdownNow();
        }
        out.println();
        out.printf("  redemptions: %d, refused (out of stock or short of points) %d%n", redemptions.get(),
                redemptionsRefused.get());
        out.printf("  time: visits %.1f s, stream and bus %.1f s, nights (daily runs, dispatch) %.1f s%n",
                visitNanos / 1e9, drainNanos / 1e9, nightNanos / 1e9);
        out.print("  invocations (summed time):");
        for (JsonNode f : call("GET", "/_local/functions", null)) {
            out.printf(" %s %d (%.1f s)", f.path("logicalId").asText().replace("Function", ""),
                    f.path("invocations").asLong(), f.path("invokeMs").asLong() / 1e3);
        }
        out.println();
        return failures.get();
    }

    /**
     * Moves the clock on to the next {@link #VISIT_TIME} in the app's zone, so every simulated day's
     * visits and the dispatch sweep of each clock jump happen in the daytime whatever the wall clock
     * says (outside quiet hours, or the demo would push nothing). Returns that first morning.
     */
    private Instant startAtVisitTime() throws Exception {
        ZonedDateTime now = Instant.parse(call("GET", "/_local/clock", null).get("now").asText()).atZone(zone);
        ZonedDateTime start = now.with(VISIT_TIME);
        if (!start.isAfter(now)) {
            start = start.plusDays(1);
        }
        call("POST", "/_local/clock", Json.write(Map.of("set", start.toInstant().toString())));
        return start.toInstant();
    }

    private void visit(String appId, Customer c, int day, Instant now) {
        try {
            JsonNode session = call("POST", "/v1/session", Json.write(Map.of("appId", appId,
                    "code", c.name() + "~" + day)));
            String token = session.path("token").asText();
            long t = now.toEpochMilli();
            List<Map<String, Object>> events = new ArrayList<>();
            String id = c.name() + "-" + day + "-";
            events.add(event(id + "launch", "app_launch", t, launchProps(c, day)));
            events.add(event(id + "view", "page_view", t + 1000, Map.of("path", "pages/index/index")));
            List<String> asked = day == c.start() ? FIRST_VISIT_TEMPLATES
                    : c.random().nextDouble() < 0.3 ? LATER_TEMPLATES : List.of();
            if (c.social().nextDouble() < SHARE_RATE) {
                String shareId = id + "share";
                events.add(event(id + "share", "share", t + 1200, Map.of("path", "pages/index/index?clm_s=" + shareId,
                        "shareId", shareId)));
                shares.add(shareId);
            }
            if (c.social().nextDouble() < FEEDBACK_RATE) {
                String category = FEEDBACK_CATEGORIES.get(c.social().nextInt(FEEDBACK_CATEGORIES.size()));
                events.add(event(id + "feedback", "feedback", t + 1300, Map.of("category", category,
                        "text", FEEDBACK_TEXTS.get(category), "page", "pages/index/index")));
                List<String> withFeedback = new ArrayList<>(asked);
                withFeedback.add("TPL_FEEDBACK");
                asked = withFeedback;
            }
            if (c.kind() == CustomerKind.CHECK_IN_FAN) {
                events.add(event(id + "checkin", "check_in", t + 2000, Map.of("date",
                        java.time.LocalDate.ofInstant(now, zone).toString())));
                asked = List.of("TPL_CHECKIN");
            }
            if (!asked.isEmpty()) {
                events.add(event(id + "sub", "subscribe_result", t + 1500, Map.of("results",
                        subscribe(asked, c.random()))));
            }
            if (c.kind() == CustomerKind.CART_ABANDONER || c.kind().buysOn(day, c.start(), c.bought()[0], c.random())) {
                events.add(event(id + "cart", "add_to_cart", t + 3000, Map.of("sku", "sku-" + c.random().nextInt(20),
                        "qty", 1, "priceFen", 1990)));
                if (c.kind() != CustomerKind.CART_ABANDONER) {
                    long amount = 1990 + 100L * c.random().nextInt(50);
                    events.add(event(id + "checkout", "checkout_start", t + 4000, Map.of("orderId", id + "order")));
                    events.add(event(id + "paid", "order_paid", t + 5000, Map.of("orderId", id + "order",
                            "amountFen", amount)));
                    // the merchant's server reports the same order: the trusted source of points and growth
                    call("POST", "/v1/apps/" + appId + "/orders", Json.write(Map.of("orders", List.of(Map.of(
                            "orderId", id + "order", "customerId", session.path("customerId").asText(),
                            "amountFen", amount, "paidAt", t + 5000)))), adminKey);
                    c.bought()[0] = true;
                }
            }
            call("POST", "/v1/events", Json.write(Map.of("events", events)), token);
            if (c.kind() == CustomerKind.CHECK_IN_FAN && c.random().nextDouble() < 0.1) {
                redeem(c, day, token);
            }
        } catch (Exception e) {
            failures.incrementAndGet();
        }
    }

    /** Tries to buy the coupon with points: 409 (out of stock, short of points) is an answer, not a failure. */
    private void redeem(Customer c, int day, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(api.resolve("/v1/me/redemptions"))
                .timeout(Duration.ofSeconds(60)).header("content-type", "application/json")
                .header("authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("rewardId", "coupon-10",
                        "requestId", c.name() + "-" + day)))).build(), HttpResponse.BodyHandlers.ofString());
        requests.incrementAndGet();
        if (r.statusCode() == 201) {
            redemptions.incrementAndGet();
        } else if (r.statusCode() == 409) {
            redemptionsRefused.incrementAndGet();
        } else {
            throw new IllegalStateException("redemption answered " + r.statusCode() + ": " + r.body());
        }
    }

    /**
     * The launch of a visit: a newcomer's first may come through a share of an earlier day (scene
     * 1007, a chat card, with {@code clm_s} in the query), and now and then a known customer's too.
     */
    private Map<String, Object> launchProps(Customer c, int day) {
        List<String> earlier = sharesBeforeToday;
        if (day == c.start() && !earlier.isEmpty() && c.social().nextDouble() < REFERRED_RATE) {
            return Map.of("scene", 1007, "query", Map.of("clm_s", earlier.get(c.social().nextInt(earlier.size()))));
        }
        if (day != c.start() && !earlier.isEmpty() && c.social().nextDouble() < KNOWN_OPEN_RATE) {
            return Map.of("scene", 1007, "query", "clm_s=" + earlier.get(c.social().nextInt(earlier.size())));
        }
        return Map.of("scene", day == c.start() ? 1047 : 1001);
    }

    /**
     * The operator's evening round: resolves the open complaints and acknowledges the open bugs
     * (suggestions wait); one page of the inbox.
     */
    private void workInbox(String appId, String adminKey) {
        try {
            JsonNode open = call("GET", "/v1/apps/" + appId + "/feedback?status=open&limit=100", null, adminKey);
            for (JsonNode item : open.path("items")) {
                String category = item.path("category").asText();
                String change = category.equals("complaint") ? "{\"status\":\"resolved\",\"note\":\"已联系顾客处理\"}"
                        : category.equals("bug") ? "{\"status\":\"acknowledged\"}" : null;
                if (change != null) {
                    call("PATCH", "/v1/apps/" + appId + "/feedback/" + item.path("feedbackId").asText(), change, adminKey);
                }
            }
        } catch (Exception e) {
            failures.incrementAndGet();
        }
    }

    /** {@code GET /v1/apps/{appId}/stats/sharing} over the demo's days. */
    public JsonNode sharingStatistics(String appId, String adminKey) throws Exception {
        return call("GET", "/v1/apps/" + appId + "/stats/sharing?from=" + firstDay + "&to=" + lastDay, null, adminKey);
    }

    /**
     * {@code GET /v1/apps/{appId}/stats/loyalty} over the demo's days and the morning after (whose nightly run
     * may expire points).
     */
    public JsonNode loyaltyStatistics(String appId, String adminKey) throws Exception {
        return call("GET", "/v1/apps/" + appId + "/stats/loyalty?from=" + firstDay + "&to=" + lastDay.plusDays(1), null,
                adminKey);
    }

    /** {@code GET /v1/apps/{appId}/stats/feedback} over the demo's days. */
    public JsonNode feedbackStatistics(String appId, String adminKey) throws Exception {
        return call("GET", "/v1/apps/" + appId + "/stats/feedback?from=" + firstDay + "&to=" + lastDay, null, adminKey);
    }

    /**
     * wx.requestSubscribeMessage: the user accepts most templates. The subscribe_result event is the
     * credit on our side and, through the runtime's SubscriptionTwin, at the stand-in WeChat.
     */
    private Map<String, Object> subscribe(List<String> templates, Random random) {
        Map<String, Object> results = new java.util.LinkedHashMap<>();
        for (String template : templates) {
            results.put(template, random.nextDouble() < 0.8 ? "accept" : "reject");
        }
        return results;
    }

    private static Map<String, Object> event(String id, String type, long ts, Map<String, Object> props) {
        return Map.of("eventId", id, "type", type, "ts", ts, "props", props);
    }

    /** The admin API's buyers per RFM segment as of the last daily run. */
    public JsonNode segmentCounts(String appId, String adminKey) throws Exception {
        return call("GET", "/v1/apps/" + appId + "/stats/segments", null, adminKey).path("segments");
    }

    /** The admin API's statistics of one campaign, or null when it has none yet. */
    public JsonNode campaignStatistics(String appId, String campaignId, String adminKey) throws Exception {
        try {
            return call("GET", "/v1/apps/" + appId + "/stats/campaigns/" + campaignId, null, adminKey);
        } catch (IllegalStateException e) {
            return null;
        }
    }

    JsonNode call(String method, String path, String body) throws Exception {
        return call(method, path, body, null);
    }

    private JsonNode call(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("content-type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("authorization", "Bearer " + token);
        }
        requests.incrementAndGet();
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body().isEmpty() ? Json.MAPPER.createObjectNode() : Json.read(r.body(), JsonNode.class);
    }

    private void progress(int done, int total) {
        int width = 40;
        int filled = done * width / total;
        out.print("\r  day " + String.format("%3d/%-3d", done, total) + " [" + "#".repeat(filled)
                + " ".repeat(width - filled) + "] " + requests.get() + " requests");
        out.flush();
    }
}
