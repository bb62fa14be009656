package com.mplifecycle.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Item size by DynamoDB's published rules (Developer Guide, "Item sizes and formats"): attribute
 * name bytes plus value bytes; strings UTF-8; numbers about one byte per two significant digits
 * plus one; maps and lists 3 bytes plus one per element; booleans and null one byte.
 * Used to cross-check the capacity DynamoDB Local reports.
 */
final class ItemSizes {
    private ItemSizes() {
    }

    static long bytes(Map<String, AttributeValue> item) {
        long total = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            total += utf8(e.getKey()) + value(e.getValue());
        }
        return total;
    }

    /** Write units of one standard write of the item: 1 per started KB. */
    static long writeUnits(Map<String, AttributeValue> item) {
        return Math.max(1, (bytes(item) + 1023) / 1024);
    }

    /** Read units of one strongly consistent read: 1 per started 4 KB. */
    static long readUnits(Map<String, AttributeValue> item) {
        return Math.max(1, (bytes(item) + 4095) / 4096);
    }

    private static long value(AttributeValue v) {
        if (v.s() != null) {
            return utf8(v.s());
        }
        if (v.n() != null) {
            return number(v.n());
        }
        if (v.bool() != null || Boolean.TRUE.equals(v.nul())) {
            return 1;
        }
        if (v.b() != null) {
            return v.b().asByteArray().length;
        }
        if (v.hasM()) {
            long sum = 3;
            for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
                sum += 1 + utf8(e.getKey()) + value(e.getValue());
            }
            return sum;
        }
        if (v.hasL()) {
            long sum = 3;
            for (AttributeValue e : v.l()) {
                sum += 1 + value(e);
            }
            return sum;
        }
        if (v.hasSs()) {
            return v.ss().stream().mapToLong(ItemSizes::utf8).sum();
        }
        if (v.hasNs()) {
            return v.ns().stream().mapToLong(ItemSizes::number).sum();
        }
        return 0;
    }

    private static long number(String n) {
        String digits = new BigDecimal(n).stripTrailingZeros().unscaledValue().abs().toString();
        return (digits.length() + 1) / 2 + 1;
    }

    private static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
