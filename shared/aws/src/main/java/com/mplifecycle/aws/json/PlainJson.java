package com.mplifecycle.aws.json;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.avaje.json.JsonReader;
import io.avaje.jsonb.JsonType;

/**
 * JSON text ↔ plain Java values ({@code Map<String, Object>} in document order, {@code List}, String,
 * Integer/Long/BigInteger, Double, Boolean, null): request bodies, tokens, secrets, log lines and
 * answers. Reads with the limits of {@link Json} (nesting, number length) and refuses text after
 * the value; writes maps, lists, scalars, enums, instants and documents that have an adapter
 * ({@link Jsonbs}).
 */
public final class PlainJson {
    private static final JsonType<Object> PLAIN = Jsonbs.JSONB.type(Object.class);

    private PlainJson() {
    }

    /**
     * The value of a JSON text; null for the literal {@code null} and for blank text.
     *
     * @throws IllegalArgumentException when the text is not JSON, has more after its value, or exceeds the limits
     */
    public static Object read(byte[] json) {
        if (isBlank(json)) {
            return null;
        }
        try (JsonReader reader = Jsonbs.JSONB.reader(json)) {
            return readWhole(reader);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            // the parser's own errors, and what it throws on some truncated input (an index out of bounds)
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
    }

    /** As {@link #read(byte[])}. */
    public static Object read(String json) {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The JSON object of a text (an event, a stored document), as a map in document order.
     *
     * @throws IllegalArgumentException when the text is not JSON or its value is not an object
     */
    public static Map<String, Object> readObject(byte[] json) {
        return asObject(read(json));
    }

    /** As {@link #readObject(byte[])}. */
    public static Map<String, Object> readObject(String json) {
        return asObject(read(json));
    }

    /** Writes the value; map entries whose value is null are left out. */
    public static String write(Object value) {
        return Jsonbs.JSONB.toJson(value);
    }

    /** Writes the value with null map entries spelled {@code null}. */
    public static String writeWithNulls(Object value) {
        return Jsonbs.withNulls().toJson(value);
    }

    /** A value as text: text, number or boolean as text; the fallback for null; "" for objects and arrays. */
    public static String asText(Object value, String fallback) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        return value == null ? fallback : "";
    }

    /**
     * A value as a long: numbers truncated, booleans 1 or 0, text of a whole number parsed, other
     * numeric text truncated, else the fallback.
     */
    public static long asLong(Object value, long fallback) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return value instanceof String s ? parse(s, fallback, false) : fallback;
    }

    /** As {@link #asLong}, for ints. */
    public static int asInt(Object value, int fallback) {
        if (value instanceof String s) {
            return (int) parse(s, fallback, true);
        }
        return value instanceof Number n ? n.intValue() : (int) asLong(value, fallback);
    }

    private static long parse(String text, long fallback, boolean asInt) {
        String s = text.trim();
        try {
            return asInt ? Integer.parseInt(s) : Long.parseLong(s);
        } catch (NumberFormatException notWhole) {
            if (s.matches("[+-]?[0-9]+")) {
                return fallback; // whole but out of range
            }
            try {
                double d = Double.parseDouble(s);
                return asInt ? (int) d : (long) d;
            } catch (NumberFormatException notANumber) {
                return fallback;
            }
        }
    }

    private static Object readWhole(JsonReader reader) {
        Object value = PLAIN.fromJson(reader);
        if (reader.hasNextStreamElement()) {
            throw new IllegalArgumentException("not valid JSON: more content after the value");
        }
        return value;
    }

    private static boolean isBlank(byte[] json) {
        for (byte b : json) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object value) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return (Map<String, Object>) value;
    }
}
