package com.mplifecycle.aws.store;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item's size as DynamoDB counts it against its 400 KB limit and for write units: the UTF-8
 * bytes of each attribute name plus its value (strings as UTF-8, binaries as their bytes, numbers
 * about one byte per two significant digits plus one).
 */
public final class ItemSize {
    private ItemSize() {
    }

    public static long of(Map<String, AttributeValue> item) {
        long bytes = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            bytes += utf8(e.getKey()) + value(e.getValue());
        }
        return bytes;
    }

    private static long value(AttributeValue v) {
        if (v.s() != null) {
            return utf8(v.s());
        }
        if (v.b() != null) {
            return v.b().asByteArray().length;
        }
        if (v.n() != null) {
            return (new BigDecimal(v.n()).stripTrailingZeros().precision() + 1) / 2 + 1;
        }
        if (v.hasM()) {
            return 3 + v.m().entrySet().stream().mapToLong(e -> utf8(e.getKey()) + 1 + value(e.getValue())).sum();
        }
        if (v.hasL()) {
            return 3 + v.l().stream().mapToLong(x -> 1 + value(x)).sum();
        }
        if (v.hasSs()) {
            return v.ss().stream().mapToLong(ItemSize::utf8).sum();
        }
        if (v.hasNs()) {
            return v.ns().stream().mapToLong(n -> (n.length() + 1) / 2 + 1).sum();
        }
        return 1;
    }

    private static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
