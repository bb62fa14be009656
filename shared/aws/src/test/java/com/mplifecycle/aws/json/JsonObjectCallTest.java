package com.mplifecycle.aws.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonObjectCallTest {
    @Test
    void serve_eventBridgeEvent_handlerGetsTheObject_answerWrittenAsJson() throws IOException {
        String event = "{\"version\":\"0\",\"detail-type\":\"CustomerStageChanged\",\"resources\":[],"
                + "\"detail\":{\"appId\":\"shop\",\"count\":3}}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        JsonObjectCall.serve(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, e -> {
            assertEquals("CustomerStageChanged", e.get("detail-type"));
            assertEquals(List.of(), e.get("resources"));
            assertEquals(Map.of("appId", "shop", "count", 3), e.get("detail"));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("sent", 2L);
            answer.put("skipped", null);
            return answer;
        });

        assertEquals("{\"sent\":2,\"skipped\":null}", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void serve_eventThatIsNotAnObject_isAnError_andTheHandlerIsNotCalled() {
        for (String event : List.of("[1]", "\"x\"", "null", "{\"a\":")) {
            assertThrows(IllegalArgumentException.class, () -> JsonObjectCall.serve(
                    new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(),
                    e -> {
                        throw new AssertionError("handler called for " + event);
                    }), event);
        }
        assertEquals("event is not a JSON object", assertThrows(IllegalArgumentException.class,
                () -> JsonObjectCall.serve(new ByteArrayInputStream("[1]".getBytes(StandardCharsets.UTF_8)),
                        new ByteArrayOutputStream(), e -> e)).getMessage());
    }
}
