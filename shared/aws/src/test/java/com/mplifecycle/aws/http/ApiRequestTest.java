package com.mplifecycle.aws.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.mplifecycle.aws.json.PlainJson;

class ApiRequestTest {
    /** An HTTP API payload 2.0 event as API Gateway sends it (the fields a function reads, and some it does not). */
    private static final String EVENT = """
            {"version":"2.0","routeKey":"GET /v1/apps/{appId}/customers/{customerId}",
             "rawPath":"/v1/apps/shop/customers/c_1","rawQueryString":"days=30",
             "cookies":["a=b"],
             "headers":{"authorization":"Bearer  tok.en ","content-type":"application/json","x-multi":"1,2"},
             "queryStringParameters":{"days":"30"},
             "pathParameters":{"appId":"shop","customerId":"c_1"},
             "requestContext":{"accountId":"123456789012","apiId":"api","requestId":"req-9",
               "http":{"method":"GET","path":"/v1/apps/shop/customers/c_1","protocol":"HTTP/1.1",
                       "sourceIp":"203.0.113.10","userAgent":"miniProgram"},
               "routeKey":"GET /v1/apps/{appId}/customers/{customerId}","stage":"$default","timeEpoch":1772337600000},
             "body":"{\\"x\\":1}","isBase64Encoded":false}
            """;

    @Test
    void parse_payload20Event_readsRouteIdsHeadersParametersAndBody() {
        ApiRequest r = ApiRequest.parse(EVENT.getBytes(StandardCharsets.UTF_8));

        assertEquals("req-9", r.requestId());
        assertEquals("GET /v1/apps/{appId}/customers/{customerId}", r.routeKey());
        assertEquals("GET", r.method());
        assertEquals(Optional.of("tok.en"), r.bearerToken());
        assertEquals(Optional.of("1,2"), r.header("X-Multi"));
        assertEquals(Optional.of("shop"), r.pathParameter("appId"));
        assertEquals(Optional.of("30"), r.queryParameter("days"));
        assertEquals(Optional.empty(), r.queryParameter("other"));
        assertArrayEquals("{\"x\":1}".getBytes(StandardCharsets.UTF_8), r.body());
    }

    @Test
    void parse_base64Body_decoded_andBadBase64Is400() {
        byte[] binary = {0, (byte) 0xff, 'a'};
        String event = "{\"requestContext\":{\"requestId\":\"r\",\"http\":{\"method\":\"POST\"}},\"body\":\""
                + Base64.getEncoder().encodeToString(binary) + "\",\"isBase64Encoded\":true}";

        assertArrayEquals(binary, ApiRequest.parse(event.getBytes(StandardCharsets.UTF_8)).body());
        ApiRequest bad = ApiRequest.parse("{\"body\":\"%%%\",\"isBase64Encoded\":true}".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, assertThrows(BadRequestException.class, bad::body).status());
    }

    @Test
    void parse_minimalEvent_noBodyNoHeaders_andARequestIdAnyway() {
        ApiRequest r = ApiRequest.parse("{}".getBytes(StandardCharsets.UTF_8));

        assertNull(r.body());
        assertEquals(Optional.empty(), r.bearerToken());
        assertFalse(r.requestId().isEmpty());
        assertEquals("", r.routeKey());
    }

    @Test
    void parse_notAnHttpApiEvent_400WithTheReason() {
        for (String bad : List.of("{\"routeKey\":", "[1,2]", "{\"requestContext\":\"x\"}",
                "{\"headers\":{\"authorization\":1}}", "{\"body\":{\"events\":[]}}", "null")) {
            assertTrue(refused(bad).startsWith("event is not an HTTP API payload"), bad + ": " + refused(bad));
        }
    }

    @Test
    void constructor_headerNamesInAnyCase_foundLowerCase() {
        ApiRequest r = new ApiRequest(null, "POST /v1/events", "POST", Map.of("Authorization", "Bearer t"), null,
                null, null, false);

        assertEquals(Optional.of("t"), r.bearerToken());
        assertEquals(Optional.of("Bearer t"), r.header("AUTHORIZATION"));
    }

    @Test
    void serve_answersWithWhatTheHandlerReturned_asPayload20Response() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        HttpApiCall.serve(new ByteArrayInputStream(EVENT.getBytes(StandardCharsets.UTF_8)), out,
                request -> ApiResponses.json(200, Map.of("route", request.routeKey(), "id", request.requestId())));

        Map<?, ?> answer = (Map<?, ?>) PlainJson.read(out.toByteArray());
        assertEquals(200, answer.get("statusCode"));
        assertEquals(Map.of("content-type", "application/json"), answer.get("headers"));
        assertEquals(false, answer.get("isBase64Encoded"));
        assertEquals(Map.of("route", "GET /v1/apps/{appId}/customers/{customerId}", "id", "req-9"),
                PlainJson.read((String) answer.get("body")));
    }

    @Test
    void serve_inputThatIsNotAnEvent_answers400_withoutCallingTheHandler() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        HttpApiCall.serve(new ByteArrayInputStream("not json".getBytes(StandardCharsets.UTF_8)), out, request -> {
            throw new AssertionError("handler called");
        });

        Map<?, ?> answer = (Map<?, ?>) PlainJson.read(out.toByteArray());
        assertEquals(400, answer.get("statusCode"));
        assertTrue(((String) ((Map<?, ?>) PlainJson.read((String) answer.get("body"))).get("error"))
                .startsWith("event is not an HTTP API payload"));
    }

    @Test
    void noContent_writtenWithoutBodyOrHeaders() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ApiResponses.noContent().writeTo(out);

        assertEquals("{\"statusCode\":204,\"isBase64Encoded\":false}", out.toString(StandardCharsets.UTF_8));
    }

    private static String refused(String event) {
        return assertThrows(BadRequestException.class, () -> ApiRequest.parse(event.getBytes(StandardCharsets.UTF_8)))
                .getMessage();
    }
}
