package com.mplifecycle.aws.store;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.mplifecycle.aws.json.PlainJson;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Item ↔ {@link DispatchRecord} of the dispatch table (attribute names in docs/data-model.md). */
final class DispatchCodec {
    /** Dispatch records expire after this: longer than any occurrence stays due, long enough for statistics. */
    static final Duration KEPT = Duration.ofDays(400);
    static final String STATUS = "st";
    static final String ATTEMPTS = "att";
    static final String DUE = "due";
    static final String DUE_PARTITION = "dueP";

    private DispatchCodec() {
    }

    static Map<String, AttributeValue> item(DispatchRecord r) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableKeys.PK, AttributeValue.fromS(TableKeys.customer(r.appId(), r.customerId())));
        item.put(TableKeys.SK, AttributeValue.fromS(r.sortKey()));
        item.put("app", AttributeValue.fromS(r.appId()));
        item.put("cmp", AttributeValue.fromS(r.campaignId()));
        item.put("occ", AttributeValue.fromS(r.occurrence()));
        item.put(STATUS, AttributeValue.fromS(r.status().name()));
        item.put("at", number(r.at().toEpochMilli()));
        item.put(ATTEMPTS, number(r.attempts()));
        item.put(TableKeys.EXPIRES, number(r.at().plus(KEPT).getEpochSecond()));
        putIf(item, "var", r.variant());
        putIf(item, "tpl", r.templateId());
        putIf(item, "grant", r.grantId());
        putIf(item, "page", r.page());
        putIf(item, "reason", r.reason());
        if (!r.data().isEmpty()) {
            item.put("data", AttributeValue.fromS(PlainJson.write(new LinkedHashMap<>(r.data()))));
        }
        if (r.errcode() != 0) {
            item.put("err", number(r.errcode()));
        }
        if (r.msgid() != 0) {
            item.put("msgid", number(r.msgid()));
        }
        if (r.dueAt() != null) {
            item.put(DUE, number(r.dueAt().toEpochMilli()));
            item.put(DUE_PARTITION, AttributeValue.fromS(TableKeys.DUE_PARTITION));
        }
        return item;
    }

    static DispatchRecord record(Map<String, AttributeValue> item) {
        String pk = item.get(TableKeys.PK).s();
        Map<String, String> data = item.containsKey("data") ? read(item.get("data").s()) : Map.of();
        return new DispatchRecord(TableKeys.appOf(pk), TableKeys.customerOf(pk), item.get("cmp").s(),
                item.get("occ").s(), DispatchRecord.Status.valueOf(item.get(STATUS).s()),
                Instant.ofEpochMilli(Long.parseLong(item.get("at").n())), text(item, "var"), text(item, "tpl"),
                text(item, "grant"), text(item, "page"), data, text(item, "reason"), (int) num(item, "err"),
                num(item, "msgid"), (int) num(item, ATTEMPTS),
                item.containsKey(DUE) ? Instant.ofEpochMilli(num(item, DUE)) : null);
    }

    static AttributeValue number(long n) {
        return AttributeValue.fromN(Long.toString(n));
    }

    private static void putIf(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? item.get(name).s() : null;
    }

    private static long num(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? Long.parseLong(item.get(name).n()) : 0;
    }

    /** The template data: an object of strings (scalars read as their text, as databind read them). */
    private static Map<String, String> read(String json) {
        Map<String, Object> map;
        try {
            map = PlainJson.readObject(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("dispatch record data is " + e.getMessage(), e);
        }
        Map<String, String> data = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (v instanceof Map<?, ?> || v instanceof java.util.List<?>) {
                throw new IllegalStateException("dispatch record data " + k + " is not text");
            }
            data.put(k, v == null ? null : String.valueOf(v));
        });
        return data;
    }
}
