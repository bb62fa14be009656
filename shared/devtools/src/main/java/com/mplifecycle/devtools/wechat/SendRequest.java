package com.mplifecycle.devtools.wechat;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.domain.wechat.SubscribeMessage;

/**
 * A {@code subscribe/send} body as received, read leniently so that even a malformed one can be
 * recorded. A keyword without a {@code {"value": ...}} object gets a null value, which the rules call empty.
 *
 * @param message what the body asked for
 * @param wellFormed whether the body was a JSON object at all
 */
record SendRequest(SubscribeMessage message, boolean wellFormed) {

    static SendRequest from(JsonNode body) {
        if (body == null || !body.isObject()) {
            return new SendRequest(SubscribeMessage.of("", "", Map.of()), false);
        }
        Map<String, String> data = new LinkedHashMap<>();
        body.path("data").properties().forEach(entry -> {
            JsonNode value = entry.getValue().path("value");
            data.put(entry.getKey(), value.isValueNode() && !value.isNull() ? value.asText() : null);
        });
        SubscribeMessage message = new SubscribeMessage(body.path("touser").asText(""),
                body.path("template_id").asText(""), textOrNull(body, "page"), data,
                textOrNull(body, "miniprogram_state"), textOrNull(body, "lang"));
        return new SendRequest(message, true);
    }

    private static String textOrNull(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
