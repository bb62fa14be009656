package com.mplifecycle.devtools.wechat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** The JSON form of a {@link Fault}; see {@link WeChatStandIn} for its description. */
final class FaultJson {
    private static final Set<String> FIELDS = Set.of("api", "count", "errcode", "errmsg", "httpStatus", "delayMs");

    private FaultJson() {
    }

    static Fault read(String json) {
        JsonNode node = parseObject(json);
        List<String> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw invalid("unknown field(s) " + unknown + "; allowed: " + FIELDS);
        }
        String api = requiredText(node, "api");
        int count = node.has("count") ? requiredInt(node, "count") : 1;
        List<String> kinds = new ArrayList<>();
        for (String kind : List.of("errcode", "httpStatus", "delayMs")) {
            if (node.has(kind)) {
                kinds.add(kind);
            }
        }
        if (kinds.size() != 1) {
            throw invalid("give exactly one of errcode, httpStatus, delayMs; got " + kinds);
        }
        if (node.has("errmsg") && !node.has("errcode")) {
            throw invalid("errmsg goes with errcode only");
        }
        try {
            if (node.has("errcode")) {
                String errmsg = node.has("errmsg") ? requiredText(node, "errmsg") : null;
                return new Fault.ErrorCode(api, requiredInt(node, "errcode"), errmsg, count);
            }
            if (node.has("httpStatus")) {
                return new Fault.HttpStatus(api, requiredInt(node, "httpStatus"), count);
            }
            return new Fault.Delay(api, Duration.ofMillis(requiredInt(node, "delayMs")), count);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    static String write(Fault fault) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("api", fault.api());
        if (fault instanceof Fault.ErrorCode) {
            Fault.ErrorCode error = (Fault.ErrorCode) fault;
            fields.put("errcode", error.errcode());
            if (error.errmsg() != null) {
                fields.put("errmsg", error.errmsg());
            }
        } else if (fault instanceof Fault.HttpStatus) {
            fields.put("httpStatus", ((Fault.HttpStatus) fault).status());
        } else if (fault instanceof Fault.Delay) {
            fields.put("delayMs", ((Fault.Delay) fault).delay().toMillis());
        } else {
            throw new IllegalStateException("unknown fault kind " + fault);
        }
        fields.put("count", fault.count());
        try {
            return WireAnswer.JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write fault JSON", e);
        }
    }

    private static JsonNode parseObject(String json) {
        if (json == null || json.isBlank()) {
            throw invalid("no JSON given");
        }
        JsonNode node;
        try {
            node = WireAnswer.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw invalid("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw invalid("expected a JSON object");
        }
        return node;
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw invalid(field + " must be a string");
        }
        return value.asText();
    }

    private static int requiredInt(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isInt()) {
            throw invalid(field + " must be an integer");
        }
        return value.asInt();
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("invalid fault JSON: " + why
                + "; expected e.g. {\"api\":\"subscribe_send\",\"errcode\":45009,\"count\":2}");
    }
}
