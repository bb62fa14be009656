package com.mplifecycle.devtools.invoke;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class LambdaInvokerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String HTTP_EVENT = "{"
            + "\"version\":\"2.0\",\"routeKey\":\"POST /events\",\"rawPath\":\"/events\","
            + "\"rawQueryString\":\"merchant=m1\",\"cookies\":[\"a=1\"],"
            + "\"headers\":{\"content-type\":\"application/json\",\"x-wx-openid\":\"o-123\"},"
            + "\"queryStringParameters\":{\"merchant\":\"m1\"},"
            + "\"requestContext\":{\"accountId\":\"000000000000\",\"apiId\":\"local\",\"domainName\":\"localhost\","
            + "\"http\":{\"method\":\"POST\",\"path\":\"/events\",\"protocol\":\"HTTP/1.1\","
            + "\"sourceIp\":\"127.0.0.1\",\"userAgent\":\"wx\"},"
            + "\"requestId\":\"r-1\",\"routeKey\":\"POST /events\",\"stage\":\"$default\","
            + "\"time\":\"12/Mar/2025:19:03:58 +0000\",\"timeEpoch\":1741806238000},"
            + "\"body\":\"eyJ0eXBlIjoidmlldyJ9\",\"isBase64Encoded\":true}";

    static final String DYNAMODB_EVENT = "{\"Records\":[{"
            + "\"eventID\":\"e-1\",\"eventName\":\"MODIFY\",\"eventVersion\":\"1.1\","
            + "\"eventSource\":\"aws:dynamodb\",\"awsRegion\":\"us-east-1\","
            + "\"dynamodb\":{\"ApproximateCreationDateTime\":1741806238,"
            + "\"Keys\":{\"pk\":{\"S\":\"CUST#1\"}},"
            + "\"NewImage\":{\"pk\":{\"S\":\"CUST#1\"},\"spend\":{\"N\":\"12.50\"},"
            + "\"profile\":{\"M\":{\"city\":{\"S\":\"Hangzhou\"}}},"
            + "\"tags\":{\"L\":[{\"S\":\"vip\"},{\"N\":\"3\"}]},"
            + "\"active\":{\"BOOL\":true},\"nickname\":{\"NULL\":true},"
            + "\"avatar\":{\"B\":\"AQID\"},\"labels\":{\"SS\":[\"a\",\"b\"]}},"
            + "\"OldImage\":{\"pk\":{\"S\":\"CUST#1\"},\"spend\":{\"N\":\"2\"}},"
            + "\"SequenceNumber\":\"000000000000000000042\",\"SizeBytes\":120,"
            + "\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"},"
            + "\"eventSourceARN\":\"arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/2025-01-01T00:00:00.000\""
            + "}]}";

    private static LocalContext context() {
        return LocalContext.start("test-fn", "us-east-1", 512, Duration.ofSeconds(30));
    }

    static final class HttpHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        final AtomicReference<APIGatewayV2HTTPEvent> seen = new AtomicReference<>();

        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
            seen.set(event);
            return APIGatewayV2HTTPResponse.builder().withStatusCode(202)
                    .withHeaders(Map.of("content-type", "application/json"))
                    .withBody("{\"ok\":true}").build();
        }
    }

    /** Type arguments bound through a generic superclass, as a shared base handler would. */
    abstract static class RecordingHandler<T> implements RequestHandler<T, StreamsEventResponse> {
        final AtomicReference<T> seen = new AtomicReference<>();

        @Override
        public StreamsEventResponse handleRequest(T event, Context context) {
            seen.set(event);
            return StreamsEventResponse.builder().withBatchItemFailures(List.of(
                    StreamsEventResponse.BatchItemFailure.builder()
                            .withItemIdentifier("000000000000000000042").build())).build();
        }
    }

    static final class StreamHandler extends RecordingHandler<DynamodbEvent> {
    }

    @Test
    void invoke_httpApiEvent_populatesHandlerInput() {
        HttpHandler handler = new HttpHandler();

        LambdaInvoker.of(handler).invoke(HTTP_EVENT, context());

        APIGatewayV2HTTPEvent event = handler.seen.get();
        assertEquals("o-123", event.getHeaders().get("x-wx-openid"));
        assertEquals("eyJ0eXBlIjoidmlldyJ9", event.getBody());
        assertTrue(event.getIsBase64Encoded());
        assertEquals("POST", event.getRequestContext().getHttp().getMethod());
        assertEquals("/events", event.getRequestContext().getHttp().getPath());
        assertEquals("m1", event.getQueryStringParameters().get("merchant"));
        assertEquals(List.of("a=1"), event.getCookies());
    }

    @Test
    void invoke_httpApiResponse_serialisesStatusHeadersAndBody() throws Exception {
        String response = LambdaInvoker.of(new HttpHandler()).invoke(HTTP_EVENT, context());

        JsonNode json = JSON.readTree(response);
        assertEquals(202, json.get("statusCode").asInt());
        assertEquals("application/json", json.get("headers").get("content-type").asText());
        assertEquals("{\"ok\":true}", json.get("body").asText());
        assertFalse(json.get("isBase64Encoded").asBoolean());
    }

    @Test
    void invoke_dynamodbEvent_keepsEveryAttributeType() {
        StreamHandler handler = new StreamHandler();

        LambdaInvoker.of(handler).invoke(DYNAMODB_EVENT, context());

        DynamodbEvent.DynamodbStreamRecord record = handler.seen.get().getRecords().get(0);
        Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
        assertEquals("MODIFY", record.getEventName());
        assertEquals("CUST#1", record.getDynamodb().getKeys().get("pk").getS());
        assertEquals("12.50", image.get("spend").getN());
        assertEquals("Hangzhou", image.get("profile").getM().get("city").getS());
        assertEquals("vip", image.get("tags").getL().get(0).getS());
        assertEquals("3", image.get("tags").getL().get(1).getN());
        assertTrue(image.get("active").getBOOL());
        assertTrue(image.get("nickname").isNULL());
        assertEquals(List.of("a", "b"), image.get("labels").getSS());
        assertArrayEquals(new byte[] {1, 2, 3}, bytes(image.get("avatar").getB()));
        assertEquals("2", record.getDynamodb().getOldImage().get("spend").getN());
        assertEquals("000000000000000000042", record.getDynamodb().getSequenceNumber());
        assertEquals(1741806238000L, record.getDynamodb().getApproximateCreationDateTime().getTime());
        assertEquals(120L, record.getDynamodb().getSizeBytes());
    }

    @Test
    void invoke_streamsEventResponse_serialisesBatchItemFailures() throws Exception {
        String response = LambdaInvoker.of(new StreamHandler()).invoke(DYNAMODB_EVENT, context());

        JsonNode failures = JSON.readTree(response).get("batchItemFailures");
        assertEquals(1, failures.size());
        assertEquals("000000000000000000042", failures.get(0).get("itemIdentifier").asText());
    }

    @Test
    void invoke_handlerThrows_raisesFunctionErrorWithTypeAndMessage() {
        RequestHandler<Map<String, Object>, String> failing = (event, context) -> {
            throw new IllegalStateException("merchant m1 unknown");
        };

        FunctionError error = assertThrows(FunctionError.class,
                () -> LambdaInvoker.of(failing).invoke("{}", context()));

        assertEquals("java.lang.IllegalStateException", error.errorType());
        assertEquals("merchant m1 unknown", error.errorMessage());
        assertInstanceOf(IllegalStateException.class, error.getCause());
        assertEquals("merchant m1 unknown", error.errorDocument().get("errorMessage"));
    }

    @Test
    void invoke_lambdaWithMapInput_readsJsonObjectAndQuotesStringResult() throws Exception {
        AtomicReference<Object> seen = new AtomicReference<>();
        RequestHandler<Object, String> handler = (event, context) -> {
            seen.set(event);
            return "done";
        };

        String response = LambdaInvoker.of(handler, Map.class).invoke("{\"n\":1,\"s\":\"x\"}", context());

        assertEquals(Map.of("n", 1, "s", "x"), seen.get());
        assertEquals("\"done\"", response);
    }

    @Test
    void invoke_nullResult_returnsJsonNull() {
        RequestHandler<Map<String, Object>, Void> handler = (event, context) -> null;

        assertEquals("null", LambdaInvoker.of(handler, Map.class).invoke("{}", context()));
    }

    @Test
    void invoke_streamHandler_passesBytesThrough() {
        RequestStreamHandler echo = (input, output, context) -> input.transferTo(output);

        String response = LambdaInvoker.of(echo).invoke("{\"a\":[1,2]}", context());

        assertEquals("{\"a\":[1,2]}", response);
    }

    @Test
    void of_handlerBoundThroughSuperclass_findsEventType() {
        assertEquals(DynamodbEvent.class, HandlerTypes.of(StreamHandler.class).input());
        assertEquals(StreamsEventResponse.class, HandlerTypes.of(StreamHandler.class).output());
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }
}
