package com.mplifecycle.devtools.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The stand-in spoken to with a plain HTTP client, to pin the wire format independently of WeChatClient. */
class WeChatStandInTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private WeChatStandIn wechat;

    @BeforeEach
    void start() {
        wechat = WeChatStandIn.start();
    }

    @AfterEach
    void stop() {
        wechat.close();
    }

    @Test
    void stableToken_get_answers43002WithHttp200() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url("/cgi-bin/stable_token")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertEquals(43002, JSON.readTree(response.body()).path("errcode").asInt());
    }

    @Test
    void jscode2session_success_answersOpenidAndSessionKeyWithoutErrcode() throws Exception {
        JsonNode body = get("/sns/jscode2session?appid=wxa&secret=" + SECRET + "&js_code=c1&grant_type=authorization_code");

        assertEquals(WeChatStandIn.openIdFor("wxa", "c1"), body.path("openid").asText());
        assertFalse(body.path("session_key").asText().isEmpty());
        assertFalse(body.has("errcode"));
    }

    @Test
    void stableToken_call_recordedWithSecretRedacted() throws Exception {
        post("/cgi-bin/stable_token", "{\"grant_type\":\"client_credential\",\"appid\":\"wxa\",\"secret\":\"" + SECRET
                + "\",\"force_refresh\":false}");

        RecordedCall call = wechat.recordedCalls().get(0);
        assertEquals(WeChatStandIn.STABLE_TOKEN, call.api());
        assertEquals("***", call.request().get("secret"));
        assertEquals(1, wechat.calls(WeChatStandIn.STABLE_TOKEN));
        assertEquals(0, wechat.calls(WeChatStandIn.SUBSCRIBE_SEND));
    }

    @Test
    void subscribeSend_bodyNotJson_answers47001AfterTokenCheck() throws Exception {
        JsonNode body = post("/cgi-bin/message/subscribe/send?access_token=" + token(), "touser=x");

        assertEquals(47001, body.path("errcode").asInt());
        assertFalse(wechat.recordedCalls().get(1).request().containsValue("touser=x"));
    }

    @Test
    void subscribeSend_unknownLang_answers47003NamingTheField() throws Exception {
        JsonNode body = post("/cgi-bin/message/subscribe/send?access_token=" + token(),
                "{\"touser\":\"oX\",\"template_id\":\"T\",\"lang\":\"fr_FR\",\"data\":{\"thing1\":{\"value\":\"ok\"}}}");

        assertEquals(47003, body.path("errcode").asInt());
        assertTrue(body.path("errmsg").asText().startsWith("argument invalid! lang"), body.toString());
    }

    @Test
    void subscribeSend_creditsOff_sendsWithoutCredit() throws Exception {
        wechat.enforceCredits(false);

        JsonNode body = post("/cgi-bin/message/subscribe/send?access_token=" + token(),
                "{\"touser\":\"oX\",\"template_id\":\"T\",\"data\":{\"thing1\":{\"value\":\"ok\"}}}");

        assertEquals(0, body.path("errcode").asInt());
        assertEquals("ok", body.path("errmsg").asText());
        assertTrue(body.path("msgid").isIntegralNumber());
    }

    @Test
    void messagesJson_afterASend_listsItInWireShapeWithOutcome() throws Exception {
        wechat.acceptSubscriptionJson("{\"openid\":\"oX\",\"template_id\":\"T\"}");
        post("/cgi-bin/message/subscribe/send?access_token=" + token(),
                "{\"touser\":\"oX\",\"template_id\":\"T\",\"page\":\"pages/a\",\"data\":{\"thing1\":{\"value\":\"ok\"}}}");

        JsonNode messages = JSON.readTree(wechat.messagesJson(Optional.of("oX"))).path("messages");

        assertEquals(1, messages.size());
        assertEquals("ok", messages.get(0).path("data").path("thing1").path("value").asText());
        assertEquals("pages/a", messages.get(0).path("page").asText());
        assertEquals(0, messages.get(0).path("errcode").asInt());
        assertTrue(messages.get(0).path("msgid").asLong() > 0);
        assertEquals(0, JSON.readTree(wechat.messagesJson(Optional.of("oY"))).path("messages").size());
    }

    @Test
    void acceptSubscriptionJson_withCount_addsThatManyCredits() throws Exception {
        String answer = wechat.acceptSubscriptionJson("{\"openid\":\"oX\",\"template_id\":\"T\",\"count\":3}");

        assertEquals(3, JSON.readTree(answer).path("credits").asInt());
        assertEquals(3, wechat.credits("oX", "T"));
    }

    @Test
    void acceptSubscriptionJson_withoutTemplate_throwsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> wechat.acceptSubscriptionJson("{\"openid\":\"oX\"}"));
    }

    @Test
    void injectFaultJson_valid_returnsNormalisedFault() {
        String applied = wechat.injectFaultJson("{\"api\":\"stable_token\",\"delayMs\":3000}");

        assertEquals("{\"api\":\"stable_token\",\"delayMs\":3000,\"count\":1}", applied);
    }

    @Test
    void unknownPath_answers404() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url("/cgi-bin/token")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(404, response.statusCode());
    }

    private String token() throws IOException, InterruptedException {
        return post("/cgi-bin/stable_token", "{\"grant_type\":\"client_credential\",\"appid\":\"wxa\",\"secret\":\""
                + SECRET + "\"}").path("access_token").asText();
    }

    private JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        return JSON.readTree(http.send(HttpRequest.newBuilder(url(pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private JsonNode post(String pathAndQuery, String body) throws IOException, InterruptedException {
        return JSON.readTree(http.send(HttpRequest.newBuilder(url(pathAndQuery))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private URI url(String pathAndQuery) {
        return URI.create(wechat.baseUrl() + pathAndQuery);
    }
}
