package com.mplifecycle.local.schedule;

import java.util.BitSet;
import java.util.Locale;
import java.util.Map;

/**
 * The values one cron field allows, parsed from {@code *}, numbers or names, ranges {@code a-b}, lists
 * {@code a,b} and steps {@code a/n}, {@code *}{@code /n}, {@code a-b/n}.
 */
final class CronField {
    private final BitSet values;
    private final int min;
    private final int max;

    private CronField(BitSet values, int min, int max) {
        this.values = values;
        this.min = min;
        this.max = max;
    }

    static CronField parse(String text, String fieldName, int min, int max, Map<String, Integer> names) {
        BitSet values = new BitSet(max + 1);
        for (String part : text.split(",", -1)) {
            addPart(part, fieldName, min, max, names, values);
        }
        return new CronField(values, min, max);
    }

    private static void addPart(String part, String fieldName, int min, int max, Map<String, Integer> names,
            BitSet values) {
        String range = part;
        int step = 1;
        int slash = part.indexOf('/');
        if (slash >= 0) {
            range = part.substring(0, slash);
            step = number(part.substring(slash + 1), fieldName, 1, max, Map.of());
        }
        int from;
        int to;
        if (range.equals("*")) {
            from = min;
            to = max;
        } else if (range.indexOf('-') > 0) {
            int dash = range.indexOf('-');
            from = number(range.substring(0, dash), fieldName, min, max, names);
            to = number(range.substring(dash + 1), fieldName, min, max, names);
            if (from > to) {
                throw new IllegalArgumentException(fieldName + " range " + range + " starts after it ends");
            }
        } else {
            from = number(range, fieldName, min, max, names);
            to = slash >= 0 ? max : from;  // "5/10" means from 5 to the end, every 10
        }
        for (int value = from; value <= to; value += step) {
            values.set(value);
        }
    }

    private static int number(String text, String fieldName, int min, int max, Map<String, Integer> names) {
        Integer named = names.get(text.toUpperCase(Locale.ROOT));
        if (named != null) {
            return named;
        }
        if (text.isEmpty() || !text.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException(fieldName + " value '" + text + "' is not a number"
                    + (names.isEmpty() ? "" : " or name"));
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(fieldName + " value '" + text + "' is too large", e);
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(fieldName + " value " + value + " is outside " + min + "-" + max);
        }
        return value;
    }

    boolean contains(int value) {
        return value >= min && value <= max && values.get(value);
    }

    /** Smallest allowed value, or -1 if none. */
    int first() {
        return values.nextSetBit(min);
    }

    /** Smallest allowed value greater than or equal to {@code from}, or -1. */
    int atOrAfter(int from) {
        return from > max ? -1 : values.nextSetBit(Math.max(from, min));
    }

    /** Largest allowed value less than or equal to {@code from}, or -1. */
    int atOrBefore(int from) {
        return from < min ? -1 : values.previousSetBit(Math.min(from, max));
    }
}
