package com.mplifecycle.local.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.devtools.wechat.ReceivedMessage;
import com.mplifecycle.devtools.wechat.WeChatStandIn;
import com.mplifecycle.domain.campaign.PushPolicy;

/**
 * The win-back of issue 17 through the whole runtime: 24 subscribed customers, last active at each
 * hour of one day (app time), the clock stepped an hour at a time with every schedule firing (the
 * nightly run at 03:00 finds the decays, dispatch runs each step). Each gets exactly one win-back,
 * none in quiet hours, whatever the hour of the last activity.
 */
class WinBackEveryHourE2ET {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** A day ahead of the runtime's start: rate schedules count from when they were registered. */
    private static LocalDate day0;
    private static final String TEMPLATE = "T_WINBACK";
    private static final String CAMPAIGN = "{\"name\":\"winback\",\"priority\":70,"
            + "\"trigger\":{\"type\":\"stage_entered\",\"stage\":\"DECLINING\"},\"templateId\":\"" + TEMPLATE + "\","
            + "\"page\":\"pages/coupon/index\",\"data\":{\"thing1\":\"回归专享优惠券\"},\"holdoutPercent\":0}";
    private static LocalRuntime runtime;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(new RuntimeOptions(0, false, 0, 0, "test-admin-key-0123456789", null));
        day0 = LocalDate.ofInstant(runtime.clock().instant(), SHANGHAI).plusDays(2);
        call("POST", "/_local/clock", "{\"set\":\"" + day0.atStartOfDay(SHANGHAI).toInstant() + "\"}", null);
        call("PUT", "/v1/apps/demo/campaigns/winback", CAMPAIGN, runtime.adminKey());
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void everyHourOfLastActivity_getsExactlyOneWinBack_noneInQuietHours() throws Exception {
        Map<Integer, String> openids = new TreeMap<>();
        for (int h = 0; h < 24; h++) {
            if (h > 0) {
                step("PT1H");
            }
            openids.put(h, activeOnThreeDays("wb" + h));
        }
        call("POST", "/_local/drain", null, null);
        // nothing happens for 13 days: one jump, then an hour at a time through the days the decays are found
        step("PT1H");
        step("P12D");
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 3 * 24; i++) {
            step("PT1H");
        }
        for (Map.Entry<Integer, String> c : openids.entrySet()) {
            List<ReceivedMessage> got = runtime.wechat().messages(java.util.Optional.of(c.getValue())).stream()
                    .filter(m -> m.errcode() == 0 && TEMPLATE.equals(m.message().templateId())).toList();
            if (got.size() != 1) {
                failures.add("last active " + c.getKey() + ":00 got " + got.size());
            }
            for (ReceivedMessage m : got) {
                assertFalse(PushPolicy.DEFAULTS.isQuiet(m.receivedAt(), SHANGHAI),
                        "sent in quiet hours: " + m.receivedAt().atZone(SHANGHAI));
            }
        }
        assertTrue(failures.isEmpty(), String.join("; ", failures));
        assertEquals(24, runtime.wechat().messages().stream()
                .filter(m -> m.errcode() == 0 && TEMPLATE.equals(m.message().templateId())).count());
    }

    /** Moves the clock (due schedules fire once) and waits until everything it set off is done. */
    private static void step(String duration) throws Exception {
        call("POST", "/_local/clock", "{\"advance\":\"" + duration + "\"}", null);
        call("POST", "/_local/drain", null, null);
    }

    /** Logs in and is active now and on the two days before (GROWING), subscribed to the win-back. */
    private static String activeOnThreeDays(String user) throws Exception {
        JsonNode session = call("POST", "/v1/session", "{\"appId\":\"demo\",\"code\":\"" + user + "~1\"}", null);
        String openid = WeChatStandIn.openIdFor(LocalRuntime.DEMO_WECHAT_APP_ID, user + "~1");
        runtime.wechat().acceptSubscription(openid, TEMPLATE);
        Instant now = runtime.clock().instant();
        StringBuilder events = new StringBuilder("{\"events\":[");
        for (int d = 2; d >= 0; d--) {
            events.append("{\"eventId\":\"").append(user).append("-l").append(d)
                    .append("\",\"type\":\"app_launch\",\"ts\":").append(now.minusSeconds(86_400L * d).toEpochMilli())
                    .append(",\"props\":{\"scene\":1001}},");
        }
        events.append("{\"eventId\":\"").append(user).append("-s\",\"type\":\"subscribe_result\",\"ts\":")
                .append(now.toEpochMilli()).append(",\"props\":{\"results\":{\"").append(TEMPLATE)
                .append("\":\"accept\"}}}]}");
        call("POST", "/v1/events", events.toString(), session.get("token").asText());
        return openid;
    }

    private static JsonNode call(String method, String path, String body, String token) throws Exception {
        return RuntimeCalls.expectOk(runtime, method, path, body, token);
    }
}
