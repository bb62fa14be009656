package com.mplifecycle.devtools.wechat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.domain.wechat.SubscribeMessage;

/** The JSON forms of the stand-in's control methods, for the local runtime's HTTP routes. */
final class StandInJson {

    /** What {@code acceptSubscriptionJson} asked for. */
    record Acceptance(String openid, String templateId, int count) {
    }

    private StandInJson() {
    }

    static String messages(List<ReceivedMessage> messages) {
        List<Map<String, Object>> items = messages.stream().map(StandInJson::message).toList();
        return write(Map.of("messages", items));
    }

    static Acceptance acceptance(String json) {
        JsonNode node;
        try {
            node = json == null ? null : WireAnswer.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw invalidAcceptance("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw invalidAcceptance("expected a JSON object");
        }
        String openid = node.path("openid").asText("");
        String templateId = node.path("template_id").asText("");
        if (openid.isEmpty() || templateId.isEmpty()) {
            throw invalidAcceptance("openid and template_id are required strings");
        }
        JsonNode count = node.path("count");
        if (!count.isMissingNode() && (!count.isInt() || count.asInt() < 1)) {
            throw invalidAcceptance("count must be an integer of at least 1");
        }
        return new Acceptance(openid, templateId, count.isMissingNode() ? 1 : count.asInt());
    }

    static String credits(String openid, String templateId, int credits) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("openid", openid);
        fields.put("template_id", templateId);
        fields.put("credits", credits);
        return write(fields);
    }

    private static Map<String, Object> message(ReceivedMessage received) {
        SubscribeMessage message = received.message();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("received_at", received.receivedAt().toString());
        fields.put("touser", message.touser());
        fields.put("template_id", message.templateId());
        message.optionalPage().ifPresent(page -> fields.put("page", page));
        Map<String, Object> data = new LinkedHashMap<>();
        message.data().forEach((key, value) -> data.put(key, Map.of("value", value == null ? "" : value)));
        fields.put("data", data);
        message.optionalMiniprogramState().ifPresent(state -> fields.put("miniprogram_state", state));
        message.optionalLang().ifPresent(lang -> fields.put("lang", lang));
        fields.put("http_status", received.httpStatus());
        fields.put("errcode", received.errcode());
        fields.put("errmsg", received.errmsg());
        if (received.sent()) {
            fields.put("msgid", received.msgid());
        }
        return fields;
    }

    private static IllegalArgumentException invalidAcceptance(String why) {
        return new IllegalArgumentException("invalid subscription JSON: " + why
                + "; expected e.g. {\"openid\":\"o...\",\"template_id\":\"T1\",\"count\":1}");
    }

    private static String write(Object value) {
        try {
            return WireAnswer.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
